// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Deterministic randomness. Everything the simulator shows is a function of the
// seed: stateless hashes for per-tick noise (so any past tick can be
// regenerated) and one seeded stream for the event-driven timeline.

#include <QtGlobal>

#include <cmath>
#include <initializer_list>

namespace Meridian::Sim {

inline quint64 mix64(quint64 x)
{
    // splitmix64 finaliser: full avalanche, cheap.
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

inline quint64 hashOf(std::initializer_list<quint64> parts)
{
    quint64 h = 0x243f6a8885a308d3ULL;
    for (quint64 p : parts)
        h = mix64(h ^ p);
    return h;
}

// Uniform in [0, 1) from a hash.
inline double unit(quint64 h)
{
    return double(h >> 11) * (1.0 / 9007199254740992.0);
}

// Roughly normal (sum of uniforms), mean 0, sd ~1, bounded to ±3.
inline double gaussish(quint64 h)
{
    const double s = unit(mix64(h)) + unit(mix64(h + 1)) + unit(mix64(h + 2)) + unit(mix64(h + 3));
    return (s - 2.0) * 1.732;
}

class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_state(mix64(seed ^ 0x5851f42d4c957f2dULL))
    { }
    quint64 next()
    {
        m_state += 0x9e3779b97f4a7c15ULL;
        return mix64(m_state);
    }
    double uniform() { return unit(next()); }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    int range(int lo, int hi) { return lo + int(next() % quint64(hi - lo + 1)); } ///< inclusive
    bool chance(double p) { return uniform() < p; }
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }

private:
    quint64 m_state;
};

} // namespace Meridian::Sim
