// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/common/pagecontext.h"

#include <QIcon>
#include <QList>
#include <QString>

#include <functional>

class QWidget;

namespace Meridian {

struct PageInfo
{
    QString id; ///< command-line name (--page ID), never translated
    QString iconPath;
    const char* title; ///< untranslated; shown through QCoreApplication::translate("Meridian::Pages", …)
    std::function<QWidget*(const PageContext&)> create;
};

// The console's pages in navigation order (Go → Ctrl+1… follow it). Adding a page is one entry here.
const QList<PageInfo>& pages();
QStringList pageIds();
QString pageTitle(const PageInfo& page); ///< translated

} // namespace Meridian
