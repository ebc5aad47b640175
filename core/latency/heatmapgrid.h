// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A large heatmap held as one byte per cell: 0 = no data, 1–255 = colour index
// (higher = worse). A pyramid of 2×2-max levels lets a view draw any zoom from
// about as many bytes as it has pixels, and a changed row touches one row per
// level. 10,000 × 10,000 cells take ~133 MB instead of QCPColorMap's ~1.2 GB.

#include <QtGlobal>

#include <vector>

namespace Meridian {

class HeatmapGrid
{
public:
    enum class Scale : quint8 { Linear, Log };

    HeatmapGrid() = default;
    HeatmapGrid(int rows, int cols);

    int rows() const { return m_rows; }
    int cols() const { return m_cols; }
    // Values in [low, high] map onto 1–255; beyond clamps; NaN is 0 (missing).
    void setScale(double low, double high, Scale scale);
    double low() const { return m_low; }
    double high() const { return m_high; }
    Scale scale() const { return m_scale; }
    quint8 quantise(double value) const;
    double valueOf(quint8 index) const; ///< lower bound of the index's bucket, for legends

    quint8 cell(int row, int col) const { return m_levels[0][size_t(row) * size_t(m_cols) + size_t(col)]; }
    void setCell(int row, int col, quint8 index); ///< updates the pyramid above it too
    void setRow(int row, const float* values); ///< `cols()` values, quantised
    void fill(const float* values); ///< rows × cols values, row-major; rebuilds the pyramid
    void fillIndexes(std::vector<quint8> cells); ///< rows × cols indexes; rebuilds the pyramid

    int levelCount() const { return int(m_levels.size()); }
    int levelRows(int level) const { return ceilShift(m_rows, level); }
    int levelCols(int level) const { return ceilShift(m_cols, level); }
    const quint8* levelData(int level) const { return m_levels[size_t(level)].data(); }
    qint64 bytes() const;

private:
    static int ceilShift(int v, int level) { return (v + (1 << level) - 1) >> level; }
    void quantiseRange(const float* values, quint8* out, size_t n) const;
    void rebuildLevels();
    void updateRowInLevels(int row);

    int m_rows = 0;
    int m_cols = 0;
    double m_low = 0, m_high = 1;
    Scale m_scale = Scale::Linear;
    std::vector<std::vector<quint8>> m_levels; ///< level 0 = the cells
};

} // namespace Meridian
