// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/regionnames.h"

#include <QCoreApplication>
#include <QHash>

namespace Meridian {

namespace {

// Agents report region ids in many spellings ("East China", "east-china",
// "cn-east"); compare them without case and punctuation.
QString normalized(const QString& text)
{
    QString key;
    key.reserve(text.size());
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            key.append(c.toLower());
    }
    return key;
}

struct KnownRegion
{
    const char* keys; // space-separated normalized spellings
    const char* name;
};

const KnownRegion knownRegions[] = {
    { "guian guianhub guizhou", QT_TRANSLATE_NOOP("Meridian::Regions", "Gui'an") },
    { "ulanqab ulanqabhub wulanchabu innermongolia", QT_TRANSLATE_NOOP("Meridian::Regions", "Ulanqab") },
    { "wuhu wuhuhub anhui", QT_TRANSLATE_NOOP("Meridian::Regions", "Wuhu") },
    { "northchina cnnorth north", QT_TRANSLATE_NOOP("Meridian::Regions", "North China") },
    { "eastchina cneast east", QT_TRANSLATE_NOOP("Meridian::Regions", "East China") },
    { "southchina cnsouth south", QT_TRANSLATE_NOOP("Meridian::Regions", "South China") },
    { "centralchina cncentral central", QT_TRANSLATE_NOOP("Meridian::Regions", "Central China") },
    { "southwestchina cnsouthwest southwest", QT_TRANSLATE_NOOP("Meridian::Regions", "Southwest China") },
    { "northwestchina cnnorthwest northwest", QT_TRANSLATE_NOOP("Meridian::Regions", "Northwest China") },
    { "northeastchina cnnortheast northeast", QT_TRANSLATE_NOOP("Meridian::Regions", "Northeast China") },
    { "beijing", QT_TRANSLATE_NOOP("Meridian::Regions", "Beijing") },
    { "shanghai", QT_TRANSLATE_NOOP("Meridian::Regions", "Shanghai") },
    { "hangzhou", QT_TRANSLATE_NOOP("Meridian::Regions", "Hangzhou") },
    { "nanjing", QT_TRANSLATE_NOOP("Meridian::Regions", "Nanjing") },
    { "hefei", QT_TRANSLATE_NOOP("Meridian::Regions", "Hefei") },
    { "wuhan", QT_TRANSLATE_NOOP("Meridian::Regions", "Wuhan") },
    { "guangzhou", QT_TRANSLATE_NOOP("Meridian::Regions", "Guangzhou") },
    { "shenzhen", QT_TRANSLATE_NOOP("Meridian::Regions", "Shenzhen") },
    { "chengdu", QT_TRANSLATE_NOOP("Meridian::Regions", "Chengdu") },
    { "chongqing", QT_TRANSLATE_NOOP("Meridian::Regions", "Chongqing") },
    { "xian", QT_TRANSLATE_NOOP("Meridian::Regions", "Xi'an") },
    { "zhengzhou", QT_TRANSLATE_NOOP("Meridian::Regions", "Zhengzhou") },
    { "edge", QT_TRANSLATE_NOOP("Meridian::Regions", "Edge") },
};

const QHash<QString, const char*>& table()
{
    static const QHash<QString, const char*> byKey = [] {
        QHash<QString, const char*> result;
        for (const KnownRegion& region : knownRegions) {
            const QStringList keys = QString::fromLatin1(region.keys).split(QLatin1Char(' '));
            for (const QString& key : keys)
                result.insert(key, region.name);
        }
        return result;
    }();
    return byKey;
}

} // namespace

QString regionDisplayName(const QString& region)
{
    if (region.isEmpty())
        return QCoreApplication::translate("Meridian::Regions", "(no region)");
    const auto it = table().constFind(normalized(region));
    if (it == table().cend())
        return region;
    return QCoreApplication::translate("Meridian::Regions", it.value());
}

} // namespace Meridian
