// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/overview/capacitytrendpanel.h"

#include "core/capacity/loadedcapacity.h"
#include "core/session/fleethistory.h"
#include "core/store/fleetstore.h"
#include "core/util/whenready.h"
#include "ui/common/regionnames.h"
#include "ui/common/theme.h"
#include "ui/overview/capacitychart.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QToolButton>
#include <QVBoxLayout>

namespace Meridian {

namespace {
// A query costs well under a millisecond on the reader thread; 10 s keeps the newest
// minutes (and a history backfilled after start) visible without a click.
constexpr int RefreshIntervalMs = 10'000;
constexpr int RangeHours[] = { 1, 6, 24, 168 };
} // namespace

CapacityTrendPanel::CapacityTrendPanel(FleetStore* store, FleetHistory* history, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_history(history)
    , m_chart(new CapacityChart(this))
    , m_title(new QLabel(this))
    , m_loading(new QLabel(this))
    , m_model(new QComboBox(this))
    , m_ranges(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("capacityPanel"));
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    m_model->setObjectName(QStringLiteral("modelSelector"));
    m_model->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_model->addItem(QString(), QString());

    // The title row holds the selectors when they fit beside it; otherwise they move to a row
    // of their own (1366×768 beside the summary), so no button is ever clipped.
    m_controls = new QWidget(this);
    auto* controls = new QHBoxLayout(m_controls);
    controls->setContentsMargins(0, 0, 0, 0);
    controls->setSpacing(Theme::Spacing);
    controls->addStretch(1);
    controls->addWidget(m_model);
    controls->addSpacing(Theme::Spacing);
    for (int hours : RangeHours) {
        auto* button = new QToolButton(m_controls);
        button->setCheckable(true);
        button->setObjectName(QStringLiteral("range%1h").arg(hours));
        button->setChecked(hours == m_rangeHours);
        m_ranges->addButton(button, hours);
        controls->addWidget(button);
    }
    m_ranges->setExclusive(true);

    m_header = new QHBoxLayout;
    m_header->setSpacing(Theme::Spacing);
    m_header->addWidget(m_title);
    m_loading->setObjectName(QStringLiteral("loadingHint"));
    m_loading->setForegroundRole(QPalette::PlaceholderText);
    m_loading->hide();
    m_header->addWidget(m_loading);
    m_header->addStretch(1);
    m_header->addWidget(m_controls);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::Spacing / 2);
    layout->addLayout(m_header);
    m_secondRow = new QHBoxLayout;
    m_secondRow->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_secondRow);
    layout->addWidget(m_chart, 1);

    connect(m_ranges, &QButtonGroup::idClicked, this, &CapacityTrendPanel::setRangeHours);
    connect(m_model, &QComboBox::currentIndexChanged, this, &CapacityTrendPanel::refresh);
    m_refreshTimer.setInterval(RefreshIntervalMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &CapacityTrendPanel::refresh);
    m_refreshTimer.start();

    updateTexts();
    QMetaObject::invokeMethod(this, &CapacityTrendPanel::refresh, Qt::QueuedConnection);
}

void CapacityTrendPanel::updateTexts()
{
    // The plot says what it shows: the whole fleet or the region the Overview is narrowed to.
    m_title->setText(m_region.isEmpty() ? tr("Capacity over time: whole fleet")
                                        : tr("Capacity over time: %1").arg(regionDisplayName(m_region)));
    m_loading->setText(tr("Loading history…"));
    m_model->setItemText(0, tr("All accelerator models"));
    for (QAbstractButton* button : m_ranges->buttons()) {
        const int hours = m_ranges->id(button);
        button->setText(hours >= 48 ? tr("%n d", nullptr, hours / 24) : tr("%n h", nullptr, hours));
        button->setToolTip(tr("Show the last %n hour(s)", nullptr, hours));
    }
    m_chart->setEmptyText(m_history ? tr("No history in the cache yet") : tr("No cache: history is not available"));
    placeControls();
}

int CapacityTrendPanel::titleRowWidth() const
{
    const int spacing = m_header->spacing();
    return m_title->sizeHint().width() + spacing + m_loading->sizeHint().width() + spacing;
}

// The panel asks only for the wider of its two rows; the selectors join the title row when
// the width it was given holds both.
void CapacityTrendPanel::placeControls()
{
    const int controlsWidth = m_controls->sizeHint().width();
    setMinimumWidth(qMax(titleRowWidth(), controlsWidth));
    const bool oneRow = width() >= titleRowWidth() + controlsWidth;
    QBoxLayout* wanted = oneRow ? m_header : m_secondRow;
    if (wanted->indexOf(m_controls) >= 0)
        return;
    (oneRow ? m_secondRow : m_header)->removeWidget(m_controls);
    wanted->addWidget(m_controls, 1);
}

void CapacityTrendPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    placeControls();
}

void CapacityTrendPanel::setRegion(const QString& region)
{
    if (region == m_region)
        return;
    m_region = region;
    updateTexts();
    refresh();
}

void CapacityTrendPanel::setModels(const QStringList& models)
{
    QStringList current;
    for (int i = 1; i < m_model->count(); ++i)
        current.append(m_model->itemData(i).toString());
    if (current == models)
        return;
    const QString selected = m_model->currentData().toString();
    const QSignalBlocker blocker(m_model);
    while (m_model->count() > 1)
        m_model->removeItem(1);
    for (const QString& model : models)
        m_model->addItem(model, model);
    const int index = m_model->findData(selected);
    m_model->setCurrentIndex(index < 0 ? 0 : index);
    placeControls(); // the selector's width follows its longest model name
    if (index < 0 && !selected.isEmpty())
        refresh();
}

void CapacityTrendPanel::setRangeHours(int hours)
{
    if (QAbstractButton* button = m_ranges->button(hours))
        button->setChecked(true);
    if (hours == m_rangeHours)
        return;
    m_rangeHours = hours;
    refresh();
}

void CapacityTrendPanel::refresh()
{
    const quint64 generation = ++m_generation;
    if (!m_history) {
        m_chart->clear();
        Q_EMIT refreshed();
        return;
    }
    // Anchor the window at the agents' newest timestamp, not the console clock:
    // a console reopened on an old cache still shows the last hours it knew.
    qint64 to = m_store ? m_store->newestDataMs() : 0;
    if (to <= 0)
        to = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = to - qint64(m_rangeHours) * 3600 * 1000;
    whenReady(
        this, m_history->capacity(from, to, m_region, m_model->currentData().toString()),
        [this, generation](const CapacitySeries& series) {
            if (generation != m_generation)
                return; // a newer query is on its way
            showSeries(series);
            Q_EMIT refreshed();
        },
        [this, generation] {
            if (generation != m_generation)
                return;
            m_chart->clear();
            Q_EMIT refreshed();
        });
}

// Only the minutes the cache holds for every node that reports (loadedCapacity()): while the history
// fills, the others are gaps, not a fall to zero, and the hint says why.
void CapacityTrendPanel::showSeries(const CapacitySeries& series)
{
    if (!m_store) {
        m_chart->setSeries(series);
        m_loading->hide();
        return;
    }
    const LoadedCapacity loaded = loadedCapacity(series, *m_store, m_region, m_model->currentData().toString());
    m_chart->setSeries(loaded.series);
    const qint64 newestLoaded = loaded.series.points.isEmpty() ? 0 : loaded.series.points.last().timestampMs;
    // Loading: minutes after the newest complete one are not complete yet (beyond the one minute that is
    // still filling as the nodes report), or none is although the fleet has answered.
    constexpr qint64 FillingMinuteMs = 60'000;
    const bool loading = loaded.newestPartialMs > newestLoaded + FillingMinuteMs
        || (loaded.series.points.isEmpty() && m_store->newestDataMs() > 0);
    m_loading->setVisible(loading);
}

void CapacityTrendPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateTexts();
    QWidget::changeEvent(event);
}

} // namespace Meridian
