// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/viewstate.h"

#include "core/model/peertext.h"
#include "core/store/fleetstore.h"
#include "ui/common/displayformat.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QEvent>
#include <QHash>
#include <QLabel>
#include <QLocale>
#include <QSet>

namespace Meridian {
namespace {

constexpr const char* Property = "meridianViewState";

// When each source's current problem was first seen in this session (console clock): the "since" of
// "unreachable since 14:02". Kept per store, forgotten when the source answers again.
QHash<QString, qint64>& problemSince(const FleetStore* store)
{
    static QHash<const FleetStore*, QHash<QString, qint64>> since;
    return since[store];
}

} // namespace

ViewState::ViewState(QAbstractItemView* view, std::function<QString()> emptyText, const FleetStore* store)
    : QObject(view)
    , m_view(view)
    , m_store(store)
    , m_label(new QLabel(view->viewport()))
    , m_empty(std::move(emptyText))
{
    m_label->setObjectName(QStringLiteral("viewStateText"));
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    m_label->setForegroundRole(QPalette::PlaceholderText);
    m_label->setAttribute(Qt::WA_TransparentForMouseEvents);
    view->viewport()->installEventFilter(this);
    view->setProperty(Property, QVariant::fromValue(static_cast<QObject*>(this)));
    if (m_store)
        connect(m_store, &FleetStore::changed, this, &ViewState::refresh);
    watchModel();
    refresh();
}

ViewState* ViewState::attach(QAbstractItemView* view, const QString& emptyText, const FleetStore* store)
{
    return attach(
        view, [emptyText] { return emptyText; }, store);
}

ViewState* ViewState::attach(QAbstractItemView* view, std::function<QString()> emptyText, const FleetStore* store)
{
    if (ViewState* existing = of(view)) {
        existing->m_empty = std::move(emptyText);
        existing->refresh();
        return existing;
    }
    return new ViewState(view, std::move(emptyText), store);
}

ViewState* ViewState::of(const QAbstractItemView* view)
{
    return view ? qobject_cast<ViewState*>(view->property(Property).value<QObject*>()) : nullptr;
}

void ViewState::watchModel()
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = m_view->model();
    if (!m_model)
        return;
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_model, signal, this, &ViewState::refresh);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ViewState::refresh);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &ViewState::refresh);
}

void ViewState::setEmptyText(const QString& text)
{
    m_empty = [text] { return text; };
    refresh();
}

void ViewState::setLoading(const QString& text)
{
    m_loading = text;
    m_error.clear();
    refresh();
}

void ViewState::setLoaded()
{
    m_loading.clear();
    m_error.clear();
    refresh();
}

void ViewState::setError(const QString& text)
{
    m_error = text;
    m_loading.clear();
    refresh();
}

bool ViewState::hasRows() const
{
    return m_view->model() && m_view->model()->rowCount(m_view->rootIndex()) > 0;
}

QString ViewState::fleetBlankText(const FleetStore* store)
{
    if (!store)
        return {};
    for (const FleetNode& node : store->nodes())
        if (node.snapshot.sample.seq != 0 || node.status == AgentStatus::Up)
            return {}; // something has reported (now or in the cache): the view's own sentence applies
    // Why nothing has: the failing sources, by their own word or their nodes' (an agent source's node is
    // its endpoint until it answers), the first by name.
    QHash<QString, QString> failing;
    QSet<QString> refused; // answered, but not with data (a wrong token, not protocol v1): not "unreachable"
    for (auto it = store->sourceProgresses().cbegin(); it != store->sourceProgresses().cend(); ++it)
        if (!it->problem.isEmpty())
            failing.insert(it.key(), it->problem);
    for (const FleetNode& node : store->nodes()) {
        if (node.status == AgentStatus::Unknown || failing.contains(node.source))
            continue;
        failing.insert(node.source, node.lastError.isEmpty() ? Format::agentStatus(node.status) : node.lastError);
        if (node.status == AgentStatus::Unauthorized || node.status == AgentStatus::BadPayload)
            refused.insert(node.source);
    }
    QHash<QString, qint64>& since = problemSince(store);
    for (auto it = since.begin(); it != since.end();)
        it = failing.contains(it.key()) ? std::next(it) : since.erase(it);
    if (failing.isEmpty())
        return tr("Waiting for the first answer from the sources…");
    QStringList names = failing.keys();
    std::sort(names.begin(), names.end());
    for (const QString& name : std::as_const(names))
        if (!since.contains(name))
            since.insert(name, QDateTime::currentMSecsSinceEpoch());
    const QString& first = names.constFirst();
    const QString when
        = QLocale().toString(QDateTime::fromMSecsSinceEpoch(since.value(first)).time(), QLocale::ShortFormat);
    const QString why = PeerText::show(failing.value(first));
    QString text = refused.contains(first) ? tr("Source %1 failing since %2: %3").arg(first, when, why)
                                           : tr("Source %1 unreachable since %2: %3").arg(first, when, why);
    if (names.size() > 1)
        text += u' ' + tr("(and %n other source(s))", nullptr, int(names.size() - 1));
    return text;
}

QString ViewState::sentence() const
{
    if (hasRows())
        return {}; // rows speak for themselves; a failed refresh is said where the rows came from
    if (!m_error.isEmpty())
        return m_error;
    if (!m_loading.isEmpty())
        return m_loading;
    const QString fleet = fleetBlankText(m_store);
    return fleet.isEmpty() && m_empty ? m_empty() : fleet;
}

QString ViewState::text() const
{
    return !m_label || m_label->isHidden() ? QString() : m_label->text();
}

void ViewState::refresh()
{
    if (!m_label)
        return; // the view is being destroyed
    if (m_view->model() != m_model)
        watchModel();
    const QString s = sentence();
    m_label->setText(s);
    m_label->setVisible(!s.isEmpty());
    m_label->setGeometry(m_view->viewport()->rect().adjusted(16, 16, -16, -16));
}

bool ViewState::eventFilter(QObject* watched, QEvent* event)
{
    if (m_label && watched == m_view->viewport() && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        m_label->setGeometry(m_view->viewport()->rect().adjusted(16, 16, -16, -16));
    return QObject::eventFilter(watched, event);
}

} // namespace Meridian
