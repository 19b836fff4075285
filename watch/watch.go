// Package watch reloads a scenario file when it changes on disk, for hot
// reload while authoring ('sixparty play --watch FILE'). It knows nothing
// of games or of the window: the front end polls it (or reads its
// channel) and replays its game on the new version with
// sim.ReplayLenient.
package watch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// DefaultInterval is how often Watch looks at the file.
const DefaultInterval = 300 * time.Millisecond

// Update is what a change of the file brought.
type Update struct {
	// Model is the new version of the scenario, or nil when the file is
	// now invalid.
	Model *sim.Model
	// Err holds the file's mistakes when it is invalid (a sim.ErrorList
	// of file:line:col: message lines, or a read error); nil when valid.
	Err error
}

// Watcher follows one scenario file. It keeps the last version that
// loaded without mistakes. Its methods may be called from several
// goroutines.
type Watcher struct {
	path string

	mu    sync.Mutex
	model *sim.Model // last good version
	err   error      // mistakes of the version on disk, if invalid
	mtime time.Time
	size  int64
	sum   [sha256.Size]byte // of the content last read, valid or not
}

// New loads the scenario at path and returns a Watcher for it. If the
// file is invalid, the error is returned with a nil Watcher.
func New(path string) (*Watcher, error) {
	w := &Watcher{path: path}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	m, err := scenarios.Load(path, src)
	if err != nil {
		return nil, err
	}
	w.model, w.mtime, w.size, w.sum = m, fi.ModTime(), fi.Size(), sha256.Sum256(src)
	return w, nil
}

// Model returns the last version of the scenario that loaded without
// mistakes.
func (w *Watcher) Model() *sim.Model {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.model
}

// Err returns the mistakes of the file as it is now on disk, or nil if it
// is valid.
func (w *Watcher) Err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// Poll looks at the file once. If its modification time or size changed
// and its content (by SHA-256) differs from the last seen, it reloads it
// and returns the Update and true: a new Model when it is valid (which
// becomes the last good version), or its mistakes when not (the last good
// version is kept). Otherwise it returns false. A file that cannot be
// read (for example while an editor replaces it) counts as invalid.
func (w *Watcher) Poll() (Update, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	fi, err := os.Stat(w.path)
	if err != nil {
		return w.fail(fmt.Errorf("watch: %w", err))
	}
	if fi.ModTime().Equal(w.mtime) && fi.Size() == w.size {
		return Update{}, false
	}
	src, err := os.ReadFile(w.path)
	if err != nil {
		return w.fail(fmt.Errorf("watch: %w", err))
	}
	w.mtime, w.size = fi.ModTime(), fi.Size()
	sum := sha256.Sum256(src)
	if bytes.Equal(sum[:], w.sum[:]) {
		return Update{}, false // touched, not changed
	}
	w.sum = sum
	m, err := scenarios.Load(w.path, src)
	if err != nil {
		w.err = err
		return Update{Err: err}, true
	}
	w.model, w.err = m, nil
	return Update{Model: m}, true
}

// fail records a read failure, reporting it once.
func (w *Watcher) fail(err error) (Update, bool) {
	if w.err != nil && w.err.Error() == err.Error() {
		return Update{}, false
	}
	w.err = err
	w.sum = [sha256.Size]byte{}
	w.mtime, w.size = time.Time{}, -1
	return Update{Err: err}, true
}

// Watch polls the file every interval (DefaultInterval if 0) until ctx is
// done, sending each Update on the returned channel, which it closes at
// the end. The channel holds one Update; a slow reader misses none that
// matter, as every Update carries the whole new state.
func (w *Watcher) Watch(ctx context.Context, interval time.Duration) <-chan Update {
	if interval <= 0 {
		interval = DefaultInterval
	}
	ch := make(chan Update, 1)
	go func() {
		defer close(ch)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if u, ok := w.Poll(); ok {
					select {
					case ch <- u:
					case <-ctx.Done():
						return
					}
				}
			}
		}
	}()
	return ch
}
