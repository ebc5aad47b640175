// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/latency/heatmapgrid.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace Meridian {
namespace {

constexpr int TopLevelSize = 256; ///< stop the pyramid once a level fits a small image

// log2 to ~1e-4 from the float's exponent and a polynomial in its mantissa: a
// colour index needs 1/254 of the range, and libm's log costs ~10× more per
// cell (a 10,000² first display quantises 10⁸ values).
inline float fastLog2(float x)
{
    quint32 bits;
    std::memcpy(&bits, &x, 4);
    const float exponent = float(int((bits >> 23) & 0xff) - 127);
    bits = (bits & 0x007fffffu) | 0x3f800000u;
    float m;
    std::memcpy(&m, &bits, 4);
    return exponent - 1.7417939f + (2.8212026f + (-1.4699568f + (0.44717955f - 0.056570851f * m) * m) * m) * m;
}

} // namespace

HeatmapGrid::HeatmapGrid(int rows, int cols)
    : m_rows(std::max(0, rows))
    , m_cols(std::max(0, cols))
{
    // All zero (no data) at every level: allocate the pyramid without computing it.
    m_levels.emplace_back(size_t(m_rows) * size_t(m_cols), quint8(0));
    for (int level = 1; std::max(levelRows(level - 1), levelCols(level - 1)) > TopLevelSize; ++level)
        m_levels.emplace_back(size_t(levelRows(level)) * size_t(levelCols(level)), quint8(0));
}

void HeatmapGrid::setScale(double low, double high, Scale scale)
{
    m_scale = scale;
    m_low = low;
    m_high = high > low ? high : low + 1;
    if (scale == Scale::Log && m_low <= 0)
        m_low = 1e-3;
}

quint8 HeatmapGrid::quantise(double value) const
{
    if (std::isnan(value))
        return 0;
    float f;
    if (m_scale == Scale::Log) {
        const float lo = float(m_low);
        f = (fastLog2(std::max(float(value), lo)) - fastLog2(lo)) / (fastLog2(float(m_high)) - fastLog2(lo));
    } else {
        f = float((value - m_low) / (m_high - m_low));
    }
    f = std::clamp(f, 0.0f, 1.0f);
    return quint8(1 + int(f * 254.0f + 0.5f));
}

double HeatmapGrid::valueOf(quint8 index) const
{
    if (index == 0)
        return std::nan("");
    const double f = (index - 1) / 254.0;
    return m_scale == Scale::Log ? m_low * std::pow(m_high / m_low, f) : m_low + f * (m_high - m_low);
}

void HeatmapGrid::setCell(int row, int col, quint8 index)
{
    if (row < 0 || row >= m_rows || col < 0 || col >= m_cols)
        return;
    m_levels[0][size_t(row) * size_t(m_cols) + size_t(col)] = index;
    // Walk up: each level's cell is the max of its 2×2 children.
    for (int level = 1; level < levelCount(); ++level) {
        const int r = row >> level, c = col >> level;
        const int cr = levelRows(level - 1), cc = levelCols(level - 1);
        const quint8* below = m_levels[size_t(level - 1)].data();
        quint8 m = 0;
        for (int dr = 0; dr < 2; ++dr)
            for (int dc = 0; dc < 2; ++dc) {
                const int rr = 2 * r + dr, ccol = 2 * c + dc;
                if (rr < cr && ccol < cc)
                    m = std::max(m, below[size_t(rr) * size_t(cc) + size_t(ccol)]);
            }
        m_levels[size_t(level)][size_t(r) * size_t(levelCols(level)) + size_t(c)] = m;
    }
}

void HeatmapGrid::setRow(int row, const float* values)
{
    if (row < 0 || row >= m_rows)
        return;
    quantiseRange(values, m_levels[0].data() + size_t(row) * size_t(m_cols), size_t(m_cols));
    updateRowInLevels(row);
}

void HeatmapGrid::fill(const float* values)
{
    quantiseRange(values, m_levels[0].data(), size_t(m_rows) * size_t(m_cols));
    rebuildLevels();
}

void HeatmapGrid::quantiseRange(const float* values, quint8* out, size_t n) const
{
    // quantise() with the scale's constants hoisted out of the loop.
    const bool log = m_scale == Scale::Log;
    const float lo = float(m_low);
    const float offset = log ? fastLog2(lo) : lo;
    const float span = log ? fastLog2(float(m_high)) - offset : float(m_high - m_low);
    const float k = 254.0f / span;
    for (size_t i = 0; i < n; ++i) {
        const float v = values[i];
        if (v != v) {
            out[i] = 0; // NaN: missing
            continue;
        }
        const float x = log ? fastLog2(std::max(v, lo)) : v;
        out[i] = quint8(1 + int(std::clamp((x - offset) * k, 0.0f, 254.0f) + 0.5f));
    }
}

void HeatmapGrid::fillIndexes(std::vector<quint8> cells)
{
    if (cells.size() != size_t(m_rows) * size_t(m_cols))
        return;
    m_levels[0] = std::move(cells);
    rebuildLevels();
}

void HeatmapGrid::updateRowInLevels(int row)
{
    for (int level = 1; level < levelCount(); ++level) {
        const int r = row >> level;
        const int cr = levelRows(level - 1), cc = levelCols(level - 1), lc = levelCols(level);
        const quint8* a = m_levels[size_t(level - 1)].data() + size_t(2 * r) * size_t(cc);
        const quint8* b = 2 * r + 1 < cr ? a + cc : a;
        quint8* out = m_levels[size_t(level)].data() + size_t(r) * size_t(lc);
        for (int c = 0; c < lc; ++c) {
            const int c0 = 2 * c, c1 = std::min(2 * c + 1, cc - 1);
            out[c] = std::max(std::max(a[c0], a[c1]), std::max(b[c0], b[c1]));
        }
    }
}

void HeatmapGrid::rebuildLevels()
{
    m_levels.resize(1);
    for (int level = 1; std::max(levelRows(level - 1), levelCols(level - 1)) > TopLevelSize; ++level) {
        const int cr = levelRows(level - 1), cc = levelCols(level - 1);
        const int lr = levelRows(level), lc = levelCols(level);
        std::vector<quint8> next(size_t(lr) * size_t(lc));
        const quint8* below = m_levels.back().data();
        for (int r = 0; r < lr; ++r) {
            const quint8* a = below + size_t(2 * r) * size_t(cc);
            const quint8* b = 2 * r + 1 < cr ? a + cc : a;
            quint8* out = next.data() + size_t(r) * size_t(lc);
            for (int c = 0; c < lc; ++c) {
                const int c0 = 2 * c, c1 = std::min(2 * c + 1, cc - 1);
                out[c] = std::max(std::max(a[c0], a[c1]), std::max(b[c0], b[c1]));
            }
        }
        m_levels.push_back(std::move(next));
    }
}

qint64 HeatmapGrid::bytes() const
{
    qint64 n = 0;
    for (const auto& l : m_levels)
        n += qint64(l.size());
    return n;
}

} // namespace Meridian
