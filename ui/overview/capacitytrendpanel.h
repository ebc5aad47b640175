// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QBoxLayout;
class QButtonGroup;
class QComboBox;
class QLabel;

namespace Meridian {

class FleetHistory;
class CapacityChart;
class FleetStore;
struct CapacitySeries;

// The Overview's capacity plot with its range and model selectors. Queries the
// cache asynchronously; a generation counter drops answers to older queries.
class CapacityTrendPanel : public QWidget
{
    Q_OBJECT
public:
    CapacityTrendPanel(FleetStore* store, FleetHistory* history, QWidget* parent = nullptr);

    void setRegion(const QString& region);
    void setModels(const QStringList& models); ///< the model selector's choices
    void setRangeHours(int hours); ///< 1, 6, 24 or 168
    int rangeHours() const { return m_rangeHours; }
    CapacityChart* chart() const { return m_chart; }
    // "Loading history…" while minutes of the window are not in the cache yet (tests read it).
    QLabel* loadingHint() const { return m_loading; }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void refreshed(); ///< a query's answer was shown (tests)

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateTexts();
    void showSeries(const CapacitySeries& series);
    int titleRowWidth() const;
    void placeControls();

    FleetStore* m_store;
    QPointer<FleetHistory> m_history;
    CapacityChart* m_chart;
    QLabel* m_title;
    QLabel* m_loading;
    QComboBox* m_model;
    QWidget* m_controls = nullptr; ///< model selector and range buttons
    QBoxLayout* m_header = nullptr;
    QBoxLayout* m_secondRow = nullptr;
    QButtonGroup* m_ranges;
    QTimer m_refreshTimer;
    QString m_region;
    int m_rangeHours = 6;
    quint64 m_generation = 0;
};

} // namespace Meridian
