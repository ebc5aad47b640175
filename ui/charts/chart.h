// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCustomPlot;
class QLabel;
class QLayout;
class QStackedLayout;
class QVBoxLayout;

namespace Meridian {

class PlotTracer;

// What every chart of the console owns: a QCustomPlot set up for dense time series
// (no antialiasing, cached labels, local-time date axis), its "nothing to show" label in one stacked layout, and the
// answer to palette and language changes (restyle(), retranslate()). A subclass
// adds its graphs and data; it shows the plot or the empty state and asks for a
// replot through the base, which coalesces replots to one per event-loop turn. Every chart
// shows the values under the mouse (PlotTracer) and may say what it shows in a title above it.
class Chart : public QWidget
{
    Q_OBJECT
public:
    explicit Chart(QWidget* parent = nullptr);
    ~Chart() override;

    QCustomPlot* plot() const { return m_plot; } ///< tests and grabbing only
    bool isEmpty() const; ///< the empty-state label is shown, not the plot
    PlotTracer* tracer() const { return m_tracer; }
    // What the plot shows ("gpu017 · accelerator 3 · Temperature (°C)"); empty hides the title.
    void setTitle(const QString& title);
    QString title() const;

protected:
    void showEmpty(const QString& text = {}); ///< an empty text keeps the label's current one
    void showPlot();
    void setEmptyText(const QString& text);
    QString emptyText() const;
    void addBar(QLayout* bar); ///< a row of controls above the plot
    QVBoxLayout* chartLayout() const { return m_layout; }
    // A queued replot: several requests before the next event-loop turn draw once.
    void requestReplot();
    // Background, axes, grid and legend text from the widget's palette.
    void applyPaletteToPlot();

    virtual void restyle() { } ///< the palette changed: recolour
    virtual void retranslate() { } ///< the language changed: renew the texts
    void changeEvent(QEvent* event) override;

private:
    QCustomPlot* m_plot;
    PlotTracer* m_tracer;
    QLabel* m_title;
    QLabel* m_emptyLabel;
    QStackedLayout* m_stack;
    QVBoxLayout* m_layout;
};

} // namespace Meridian
