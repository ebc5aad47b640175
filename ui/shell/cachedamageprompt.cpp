// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/cachedamageprompt.h"

#include "core/session/fleetsession.h"

#include <QDir>
#include <QMessageBox>
#include <QPushButton>

namespace Meridian {

CacheDamagePrompt::CacheDamagePrompt(FleetSession* session, QWidget* window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
{
    connect(session, &FleetSession::cacheDamaged, this, &CacheDamagePrompt::ask);
    connect(session, &FleetSession::cacheMovedAside, this, [this](const QStringList& movedTo) {
        Q_EMIT message(tr("The damaged cache was kept as %1; a new cache has started.")
                           .arg(movedTo.isEmpty() ? QString() : QDir::toNativeSeparators(movedTo.first())));
    });
}

void CacheDamagePrompt::ask(const QString& detail)
{
    if (m_box)
        return; // one question at a time
    Q_EMIT message(tr("The cache is damaged; showing live data only."));
    m_box = new QMessageBox(QMessageBox::Warning, tr("Damaged Cache"),
        tr("The cache in %1 is damaged. Meridian does not read it, because its history and reports would be "
           "wrong.")
            .arg(QDir::toNativeSeparators(m_session->cachePath())),
        QMessageBox::NoButton, m_window);
    m_box->setAttribute(Qt::WA_DeleteOnClose);
    m_box->setInformativeText(tr("Move the damaged files aside (they are kept, renamed with today's date) and "
                                 "start a new, empty cache? The history in them is no longer shown."));
    m_box->setDetailedText(detail);
    QPushButton* fresh = m_box->addButton(tr("Move Aside and Start Fresh"), QMessageBox::AcceptRole);
    m_box->addButton(tr("Continue Without History"), QMessageBox::RejectRole);
    m_box->setDefaultButton(fresh);
    connect(m_box, &QMessageBox::buttonClicked, this, [this, fresh](QAbstractButton* button) {
        if (button == fresh)
            m_session->startFreshCache();
    });
    m_box->open();
}

} // namespace Meridian
