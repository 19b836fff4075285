package sim

import "math"

// RNG is the game's seeded random generator (SplitMix64). Its whole state
// is one number, so a game state that holds it replays exactly. The zero
// value is a valid generator.
type RNG struct {
	State uint64
}

// NewRNG returns a generator started from seed.
func NewRNG(seed uint64) RNG { return RNG{State: seed} }

// Uint64 returns the next 64 random bits.
func (r *RNG) Uint64() uint64 {
	r.State += 0x9e3779b97f4a7c15
	return mix64(r.State)
}

// Float64 returns a number in [0, 1).
func (r *RNG) Float64() float64 {
	return float64(r.Uint64()>>11) * (1.0 / (1 << 53))
}

// NormFloat64 returns a number from the standard normal distribution.
func (r *RNG) NormFloat64() float64 {
	u1 := r.Float64()
	for u1 == 0 {
		u1 = r.Float64()
	}
	u2 := r.Float64()
	return math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2)
}

// Intn returns a number in [0, n); n must be positive.
func (r *RNG) Intn(n int) int {
	return int(r.Uint64() % uint64(n))
}

// Derive returns a generator for a separate stream identified by keys, so
// that, for example, the noise in one actor's estimates on one turn does
// not depend on how often anything else drew random numbers.
func Derive(seed uint64, keys ...uint64) RNG {
	h := mix64(seed ^ 0x6a09e667f3bcc909)
	for _, k := range keys {
		h = mix64(h ^ mix64(k+0x9e3779b97f4a7c15))
	}
	return RNG{State: h}
}

func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
