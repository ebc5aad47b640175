// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QList>
#include <QString>

#include <functional>

class QWidget;

namespace Meridian {

class FleetSession;
class FleetStore;
class CacheReader;
class Navigator;

// What a page gets to build itself. The session may be null in tests that
// drive a bare store.
struct PageContext
{
    FleetStore* store = nullptr;
    CacheReader* cache = nullptr;
    FleetSession* session = nullptr; ///< sources and credentials for actions (jobs page); may be null
    Navigator* navigator = nullptr; ///< cross-page requests ("show this node in Pools"); may be null
};

struct PageInfo
{
    QString id; ///< command-line name (--page ID), never translated
    QString iconPath;
    const char* title; ///< untranslated; shown through QCoreApplication::translate("Meridian::Pages", …)
    std::function<QWidget*(const PageContext&)> create;
};

// The console's pages in navigation order. Adding a page is one entry here.
const QList<PageInfo>& pages();
QStringList pageIds();
QString pageTitle(const PageInfo& page); ///< translated

} // namespace Meridian
