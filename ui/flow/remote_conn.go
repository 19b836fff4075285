package flow

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/sim"
)

// RemoteConn keeps a RemoteTable connected to its server: it dials the
// link, folds every message into the table, sends what the table holds
// that the server does not (the draft, messages, the facilitator's
// commands) and, when the connection drops, dials again with the last
// sequence number seen, so the table misses nothing and loses no draft.
type RemoteConn struct {
	Link  client.Link
	Table *RemoteTable
	// Wake, when set, is called after each message folded in (a window
	// that rests between frames redraws).
	Wake func()

	mu        sync.Mutex
	conn      *client.Conn
	connected bool
	dials     int
	kick      chan struct{}
	seenTurn  int // the turn the flow last showed (remote_flow.go)
}

// JoinRemote fetches the scenario of link's game, opens a connection and
// returns the connection with its table once the server has welcomed it.
func JoinRemote(ctx context.Context, l client.Link) (*RemoteConn, error) {
	sc, err := client.Scenario(ctx, l)
	if err != nil {
		return nil, err
	}
	m, err := loadServed(sc)
	if err != nil {
		return nil, err
	}
	c, err := client.Dial(ctx, l, 0, nil)
	if err != nil {
		return nil, err
	}
	t, err := NewRemoteTable(m, c.Role, c.View.Actor)
	if err != nil {
		c.Close()
		return nil, err
	}
	v := c.View
	t.Apply(proto.Out{Type: "welcome", Seq: v.Seq, View: &v})
	rc := &RemoteConn{Link: l, Table: t, conn: c, connected: true, dials: 1, kick: make(chan struct{}, 1)}
	return rc, nil
}

// loadServed loads the scenario a server sent (client.GameScenario.Load:
// a hosted file with the orders tracks sent beside it, as the window, like
// a browser, has not the file's folder).
func loadServed(sc *client.GameScenario) (*sim.Model, error) {
	m, err := sc.Load()
	if err != nil {
		return nil, fmt.Errorf("flow: the game's scenario: %w", err)
	}
	return m, nil
}

// Connected reports whether the connection is up, and how often it was
// dialled.
func (rc *RemoteConn) Connected() (bool, int) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.connected, rc.dials
}

// Kick asks the loop to send what the table holds (after Submit or Say).
func (rc *RemoteConn) Kick() {
	select {
	case rc.kick <- struct{}{}:
	default:
	}
}

// Drop closes the connection as a dropped network would (for tests and
// the console's "reconnect"); Run dials again.
func (rc *RemoteConn) Drop() {
	rc.mu.Lock()
	c := rc.conn
	rc.mu.Unlock()
	if c != nil {
		c.Close()
	}
}

// Run keeps the table connected until ctx ends or the game is over and
// seen, reconnecting with a growing wait (at most 5 s) when the connection
// drops. It returns nil when the game is over.
func (rc *RemoteConn) Run(ctx context.Context) error {
	wait := 100 * time.Millisecond
	for {
		rc.mu.Lock()
		c := rc.conn
		rc.mu.Unlock()
		if c == nil {
			var err error
			c, err = client.Dial(ctx, rc.Link, rc.Table.Seq(), nil)
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				if strings.Contains(err.Error(), "reissued link") {
					return err // a reissued link: dialling again cannot help
				}
				select {
				case <-ctx.Done():
					return ctx.Err()
				case <-time.After(wait):
				}
				wait = min(2*wait, 5*time.Second)
				continue
			}
			wait = 100 * time.Millisecond
			v := c.View
			// Dial folded the welcome into c.View; a resumed welcome holds
			// only what was missed, which Apply adds.
			rc.Table.Apply(proto.Out{Type: "welcome", Seq: v.Seq, View: &v, Resumed: rc.Table.Seq() > 0})
			rc.mu.Lock()
			rc.conn, rc.connected = c, true
			rc.dials++
			rc.mu.Unlock()
			rc.wake()
		}
		err := rc.serve(ctx, c)
		c.Close()
		rc.mu.Lock()
		rc.conn, rc.connected = nil, false
		rc.mu.Unlock()
		rc.wake()
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err == nil {
			return nil
		}
	}
}

func (rc *RemoteConn) wake() {
	if rc.Wake != nil {
		rc.Wake()
	}
}

// serve reads and writes on one connection until it fails; nil means the
// game is over.
func (rc *RemoteConn) serve(ctx context.Context, c *client.Conn) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	in := make(chan proto.Out, 16)
	rerr := make(chan error, 1)
	go func() {
		for {
			out, err := c.Recv(ctx)
			if err != nil {
				rerr <- err
				return
			}
			in <- out
		}
	}()
	flush := func() error {
		draft, box := rc.Table.pending()
		for _, m := range draft {
			if _, err := c.Send(ctx, m); err != nil {
				return err
			}
		}
		for i, m := range box {
			if _, err := c.Send(ctx, m); err != nil {
				rc.Table.sent(i)
				return err
			}
		}
		rc.Table.sent(len(box))
		return nil
	}
	if err := flush(); err != nil {
		return err
	}
	for {
		select {
		case err := <-rerr:
			return err
		case out := <-in:
			rc.Table.Apply(out)
			rc.wake()
			if out.Type == "view" {
				if err := flush(); err != nil {
					return err
				}
			}
		case <-rc.kick:
			if err := flush(); err != nil {
				return err
			}
		}
	}
}
