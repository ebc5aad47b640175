// SPDX-License-Identifier: GPL-3.0-or-later
// The layering of docs/architecture.md, checked on the source: every `#include "folder/…/file.h"` of a project
// file is an edge between two folders, and each edge must follow the data flow. The include roots of the
// build (cmake/MeridianLibraries.cmake) already refuse most wrong arrows at compile time; this test states the
// rules in one readable place, covers the folders inside one library (ui's pages) and runs in every build,
// static ones included.

#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <functional>

namespace {

// What each part of the tree may include (besides itself). Listed whole, not derived: reading this table is
// reading the architecture. Order follows the data flow: a part may name only parts above it in this list.
struct Part
{
    const char* folder;
    QList<const char*> mayInclude;
};

const QList<Part>& parts()
{
    static const QList<Part> table = {
        { "core/protocol", {} },
        { "core/util", {} },
        { "core/model", { "core/protocol" } },
        { "core/store", { "core/model", "core/protocol", "core/util" } },
        { "core/cache", { "core/model", "core/protocol", "core/util" } },
        { "core/net", { "core/model", "core/protocol", "core/util" } },
        { "core/sources", { "core/net", "core/model", "core/protocol", "core/util" } },
        { "core/capacity", { "core/store", "core/cache", "core/model", "core/protocol", "core/util" } },
        { "core/jobs", { "core/model", "core/protocol", "core/util" } },
        { "core/latency", { "core/cache", "core/model", "core/protocol", "core/util" } },
        { "core/faults",
            { "core/store", "core/cache", "core/sources", "core/net", "core/model", "core/protocol", "core/util" } },
        { "core/session",
            { "core/capacity", "core/jobs", "core/latency", "core/faults", "core/store", "core/cache", "core/sources",
                "core/net", "core/model", "core/protocol", "core/util" } },
        { "core/reports",
            { "core/capacity", "core/jobs", "core/latency", "core/faults", "core/store", "core/cache", "core/model",
                "core/protocol", "core/util" } },
        { "core/planner",
            { "core/reports", "core/capacity", "core/jobs", "core/latency", "core/faults", "core/store", "core/cache",
                "core/model", "core/protocol", "core/util" } },
        // The console's widgets: shared kinds first, then the pages, then the window around them.
        { "ui/common", { "core" } },
        { "ui/charts", { "ui/common", "core" } },
        { "ui/overview", { "ui/charts", "ui/common", "core" } },
        { "ui/pools/accelerators", { "ui/charts", "ui/common", "core" } },
        { "ui/pools/capacity", { "ui/charts", "ui/common", "core" } },
        { "ui/pools", { "ui/pools/accelerators", "ui/pools/capacity", "ui/charts", "ui/common", "core" } },
        { "ui/jobs", { "ui/charts", "ui/common", "core" } },
        { "ui/latency", { "ui/charts", "ui/common", "core" } },
        { "ui/faults", { "ui/charts", "ui/common", "core" } },
        { "ui/reports", { "ui/charts", "ui/common", "core" } },
        { "ui/sources", { "ui/common", "core" } },
        { "ui/planner", { "ui/charts", "ui/common", "core" } },
        { "ui/shell",
            { "ui/overview", "ui/pools", "ui/jobs", "ui/latency", "ui/faults", "ui/reports", "ui/sources", "ui/charts",
                "ui/planner", "ui/common", "core" } },
        { "app", { "ui", "core" } },
        // The agents share the wire protocol and the small helpers (secret files) with the console, nothing else.
        { "agent/common", { "core/protocol", "core/util" } },
        { "agent/node", { "agent/common", "core/protocol", "core/util" } },
        { "agent/fleetsim", { "agent/common", "core/protocol", "core/util" } },
    };
    return table;
}

bool within(const QString& path, const QString& folder)
{
    return path == folder || path.startsWith(folder + u'/');
}

// The most specific part a folder belongs to ("ui/pools/accelerators" before "ui/pools"); null for tests.
const Part* partOf(const QString& folder)
{
    const Part* best = nullptr;
    for (const Part& part : parts()) {
        const QString name = QString::fromLatin1(part.folder);
        if (within(folder, name) && (!best || name.size() > qsizetype(qstrlen(best->folder))))
            best = &part;
    }
    return best;
}

struct Edge
{
    QString file;
    int line = 0;
    QString included;
};

QList<Edge> includesOf(const QString& root, const QString& relative)
{
    static const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s+\"([^\"]+)\""));
    QList<Edge> out;
    QFile file(root + u'/' + relative);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    int line = 0;
    while (!file.atEnd()) {
        ++line;
        const QString text = QString::fromUtf8(file.readLine());
        const QRegularExpressionMatch m = include.match(text);
        if (m.hasMatch())
            out.append({ relative, line, m.captured(1) });
    }
    return out;
}

QStringList projectFiles(const QString& root)
{
    QStringList out;
    for (const char* top : { "core", "ui", "app", "agent" }) {
        QDirIterator it(root + u'/' + QLatin1String(top), { QStringLiteral("*.h"), QStringLiteral("*.cpp") },
            QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            out.append(QDir(root).relativeFilePath(it.next()));
    }
    out.sort();
    return out;
}

bool mayInclude(const Part& part, const QString& folder)
{
    for (const char* may : part.mayInclude) {
        if (within(folder, QString::fromLatin1(may)))
            return true;
    }
    return false;
}

QString folderOf(const QString& path)
{
    return path.section(u'/', 0, -2);
}

} // namespace

class TestIncludeLayers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyProjectIncludeIsPathQualified();
    void includesFollowTheDataFlow();
    void foldersFormNoCycle();
    void pagesReachNeitherCacheNorNetwork();
    void qcustomplotComesThroughItsWrapper();
    void theRulesCatchAWrongArrow();

private:
    QString m_root = QStringLiteral(MERIDIAN_SOURCE_DIR);
};

// A bare "fleetstore.h" would resolve through whichever include directory happens to hold it; a path names
// the layer it comes from.
void TestIncludeLayers::everyProjectIncludeIsPathQualified()
{
    QStringList bare;
    const QStringList files = projectFiles(m_root);
    QVERIFY2(files.size() > 300, "the source tree was not found");
    for (const QString& file : files) {
        for (const Edge& e : includesOf(m_root, file)) {
            if (e.included.endsWith(QLatin1String(".moc")) || QFile::exists(m_root + u'/' + e.included))
                continue;
            bare.append(QStringLiteral("%1:%2 includes \"%3\"").arg(e.file).arg(e.line).arg(e.included));
        }
    }
    QVERIFY2(bare.isEmpty(), qPrintable(bare.join(u'\n')));
}

void TestIncludeLayers::includesFollowTheDataFlow()
{
    QStringList wrong;
    for (const QString& file : projectFiles(m_root)) {
        const QString from = folderOf(file);
        const Part* part = partOf(from);
        if (!part) {
            wrong.append(QStringLiteral("%1: its folder is in no layer of this test's table").arg(file));
            continue;
        }
        for (const Edge& e : includesOf(m_root, file)) {
            const QString to = folderOf(e.included);
            if (to.isEmpty() || partOf(to) == part)
                continue;
            if (!mayInclude(*part, to))
                wrong.append(QStringLiteral("%1:%2 (%3) includes %4").arg(e.file).arg(e.line).arg(from, e.included));
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
}

// Folders inside one part (a page's subfolders, the agents' files) must not include each other in a circle
// either: a reader should be able to read the tree bottom-up.
void TestIncludeLayers::foldersFormNoCycle()
{
    QHash<QString, QSet<QString>> edges;
    for (const QString& file : projectFiles(m_root)) {
        for (const Edge& e : includesOf(m_root, file)) {
            const QString to = folderOf(e.included);
            if (!to.isEmpty() && to != folderOf(file))
                edges[folderOf(file)].insert(to);
        }
    }
    // Depth-first search with colours; reports the first cycle found with its folders in order.
    QHash<QString, int> colour; // 0 white, 1 on the stack, 2 done
    QStringList stack;
    QString cycle;
    std::function<void(const QString&)> visit = [&](const QString& folder) {
        colour[folder] = 1;
        stack.append(folder);
        for (const QString& next : std::as_const(edges[folder])) {
            if (!cycle.isEmpty())
                return;
            if (colour.value(next) == 1)
                cycle = (stack.mid(stack.indexOf(next)) << next).join(QLatin1String(" -> "));
            else if (colour.value(next) == 0)
                visit(next);
        }
        stack.removeLast();
        colour[folder] = 2;
    };
    QStringList folders = edges.keys();
    folders.sort();
    for (const QString& folder : std::as_const(folders)) {
        if (colour.value(folder) == 0 && cycle.isEmpty())
            visit(folder);
    }
    QVERIFY2(cycle.isEmpty(), qPrintable(QStringLiteral("include cycle: ") + cycle));
}

// Pages observe the store and ask the session's services: they never hold the cache's reader or writer, the
// audit store, an HTTP client or a source's endpoint (docs/architecture.md, "How a page asks").
void TestIncludeLayers::pagesReachNeitherCacheNorNetwork()
{
    static const QStringList forbidden = { QStringLiteral("core/net/"), QStringLiteral("core/cache/cachereader.h"),
        QStringLiteral("core/cache/cachewriter.h"), QStringLiteral("core/cache/auditstore.h"),
        QStringLiteral("core/sources/sourceendpoint.h"), QStringLiteral("core/sources/jobdetailclient.h"),
        QStringLiteral("core/sources/agentsource.h"), QStringLiteral("core/sources/fleetsource.h") };
    QStringList wrong;
    for (const QString& file : projectFiles(m_root)) {
        if (!file.startsWith(QLatin1String("ui/")))
            continue;
        for (const Edge& e : includesOf(m_root, file)) {
            for (const QString& f : forbidden) {
                if (e.included.startsWith(f))
                    wrong.append(QStringLiteral("%1:%2 includes %3").arg(e.file).arg(e.line).arg(e.included));
            }
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
}

// qcustomplot.h read directly costs every file that includes it the whole of QtCore, QtGui, QtWidgets and
// QtPrintSupport (ui/charts/customplot.h says why); the wrapper keeps that out of the build.
void TestIncludeLayers::qcustomplotComesThroughItsWrapper()
{
    static const QRegularExpression direct(
        QStringLiteral(R"(^\s*#\s*include\s*[<"]qcustomplot\.h[>"])"), QRegularExpression::MultilineOption);
    QStringList files = projectFiles(m_root);
    QDirIterator it(m_root + QStringLiteral("/tests"), { QStringLiteral("*.h"), QStringLiteral("*.cpp") }, QDir::Files,
        QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(m_root).relativeFilePath(it.next()));
    QStringList wrong;
    for (const QString& file : files) {
        if (file == QLatin1String("ui/charts/customplot.h"))
            continue;
        QFile f(m_root + u'/' + file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        if (direct.match(QString::fromUtf8(f.readAll())).hasMatch())
            wrong.append(file);
    }
    QVERIFY2(
        wrong.isEmpty(), qPrintable(QStringLiteral("include \"ui/charts/customplot.h\" instead: ") + wrong.join(u' ')));
}

// The check itself: a store that included the session, or an agent that included the cache, is refused.
void TestIncludeLayers::theRulesCatchAWrongArrow()
{
    const Part* store = partOf(QStringLiteral("core/store"));
    const Part* agent = partOf(QStringLiteral("agent/node"));
    const Part* accelerators = partOf(QStringLiteral("ui/pools/accelerators"));
    QVERIFY(store && agent && accelerators);
    QVERIFY(!mayInclude(*store, QStringLiteral("core/session")));
    QVERIFY(mayInclude(*store, QStringLiteral("core/model")));
    QVERIFY(!mayInclude(*agent, QStringLiteral("core/cache")));
    QCOMPARE(QString::fromLatin1(accelerators->folder), QStringLiteral("ui/pools/accelerators"));
    QVERIFY(!mayInclude(*accelerators, QStringLiteral("ui/pools")));
}

QTEST_GUILESS_MAIN(TestIncludeLayers)
#include "tst_includelayers.moc"
