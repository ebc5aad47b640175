// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a table or tree says when it shows no rows — loading, empty or an error — in a sentence centred
// in its viewport, instead of a blank grid (issue 18 §5). One helper for every view: attach it once with
// the view's own "nothing here" sentence; set loading or an error while a query runs or fails. When the
// whole fleet is blank (no source has answered yet, or the sources fail), the view says so instead,
// with the failing source and since when ("Source wuhu-front unreachable since 14:02").

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QAbstractItemModel;
class QAbstractItemView;
class QLabel;

namespace Meridian {

class FleetStore;

class ViewState : public QObject
{
    Q_OBJECT
public:
    // The state is a child of view. store may be null (views that do not show the fleet).
    static ViewState* attach(QAbstractItemView* view, const QString& emptyText, const FleetStore* store = nullptr);
    // The empty sentence asked anew on every change (it depends on a filter or on what the sources report).
    static ViewState* attach(
        QAbstractItemView* view, std::function<QString()> emptyText, const FleetStore* store = nullptr);
    static ViewState* of(const QAbstractItemView* view); ///< null when none was attached

    void setEmptyText(const QString& text);
    void refresh(); ///< ask the empty sentence again (a filter changed)
    void setLoading(const QString& text); ///< until setLoaded() or setError()
    void setLoaded();
    void setError(const QString& text); ///< shown while the view has no rows, until setLoaded() or setLoading()
    QString text() const; ///< the sentence shown now; empty while the view has rows

    // The fleet's own blank state: empty while some node has reported (tests, and views without a table).
    static QString fleetBlankText(const FleetStore* store);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    ViewState(QAbstractItemView* view, std::function<QString()> emptyText, const FleetStore* store);
    void watchModel();
    QString sentence() const;
    bool hasRows() const;

    QAbstractItemView* m_view;
    QPointer<QAbstractItemModel> m_model;
    const FleetStore* m_store;
    QPointer<QLabel> m_label; ///< a child of the viewport, which a view being destroyed deletes first
    std::function<QString()> m_empty;
    QString m_loading;
    QString m_error;
};

} // namespace Meridian
