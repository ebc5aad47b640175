// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/consoleconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;

namespace {
// JSON written with single quotes, so the test data needs no escaping.
QByteArray json(const char* text)
{
    return QByteArray(text).replace('\'', '"');
}
} // namespace

class TestConsoleConfig : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString write(const QByteArray& content)
    {
        const QString path = m_dir.filePath(QStringLiteral("config.json"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
            return {};
        return path;
    }

private Q_SLOTS:
    void good()
    {
        const QString path = write(json("{\n"
                                        "            'version': 1,\n"
                                        "            'cache': '/var/cache/meridian',\n"
                                        "            'sources': [\n"
                                        "                { 'name': 'wuhu-front', 'kind': 'fleet', 'url': "
                                        "'http://127.0.0.1:9200', 'tokenFile': '/etc/meridian/token',\n"
                                        "                  'intervalSeconds': 5 },\n"
                                        "                { 'name': 'lab-node', 'url': "
                                        "'https://node1.example:9100/base/', 'intervalSeconds': 2.5 }\n"
                                        "            ]\n"
                                        "        }"));
        ConsoleConfig config;
        QString error;
        QVERIFY2(ConsoleConfig::load(path, &config, &error), qPrintable(error));
        QCOMPARE(config.cachePath, QStringLiteral("/var/cache/meridian"));
        QCOMPARE(config.sources.size(), 2);
        QCOMPARE(config.sources[0].kind, SourceConfig::Kind::Fleet);
        QCOMPARE(config.sources[0].url, QUrl(QStringLiteral("http://127.0.0.1:9200/"))); // normalised to end in '/'
        QCOMPARE(config.sources[0].intervalMs, 5000);
        QCOMPARE(config.sources[1].kind, SourceConfig::Kind::Agent); // the default kind
        QCOMPARE(config.sources[1].intervalMs, 2500);
        QVERIFY(config.sources[1].tokenFile.isEmpty());

        // Round trip.
        const QString saved = m_dir.filePath(QStringLiteral("saved.json"));
        QVERIFY2(config.save(saved, &error), qPrintable(error));
        ConsoleConfig again;
        QVERIFY2(ConsoleConfig::load(saved, &again, &error), qPrintable(error));
        QCOMPARE(again.sources, config.sources);
        QCOMPARE(again.cachePath, config.cachePath);
    }

    void slurm()
    {
        const QString path
            = write(json("{'version':1,'sources':[{'name':'cluster','kind':'slurm',"
                         "'url':'https://slurm.example:6820','user':'meridian','tokenFile':'/etc/jwt',"
                         "'region':'wuhu','intervalSeconds':10,"
                         "'pools':[{'pool':'spare','nodePrefix':'gpu9'},{'pool':'h100','feature':'h100'}],"
                         "'hostNames':{'n1':'host-a.example.org','n2':'host-b'},"
                         "'jobKinds':[{'kind':'inference','qos':'serving'},{'kind':'training','namePrefix':'train-'},"
                         "{'kind':'other','partition':'debug'},{'kind':'training','account':'llm'}]}]}"));
        ConsoleConfig config;
        QString error;
        QVERIFY2(ConsoleConfig::load(path, &config, &error), qPrintable(error));
        const SourceConfig& s = config.sources.front();
        QCOMPARE(s.kind, SourceConfig::Kind::Slurm);
        QCOMPARE(s.user, QStringLiteral("meridian"));
        QCOMPARE(s.region, QStringLiteral("wuhu"));
        QCOMPARE(s.pools.size(), 2);
        QCOMPARE(s.pools[0].match, PoolRule::Match::NamePrefix);
        QCOMPARE(s.pools[0].value, QStringLiteral("gpu9"));
        QCOMPARE(s.pools[1].match, PoolRule::Match::Feature);
        QCOMPARE(s.pools[1].pool, QStringLiteral("h100"));
        QCOMPARE(s.hostNames.size(), 2);
        QCOMPARE(s.hostNames.value(QStringLiteral("n1")), QStringLiteral("host-a.example.org"));
        QCOMPARE(s.jobKinds.size(), 4);
        QCOMPARE(s.jobKinds[0],
            (JobKindRule { JobKindRule::Match::Qos, QStringLiteral("serving"), QStringLiteral("inference") }));
        QCOMPARE(s.jobKinds[1].match, JobKindRule::Match::NamePrefix);
        QCOMPARE(s.jobKinds[2].match, JobKindRule::Match::Partition);
        QCOMPARE(s.jobKinds[3],
            (JobKindRule { JobKindRule::Match::Account, QStringLiteral("llm"), QStringLiteral("training") }));
        const QString saved = m_dir.filePath(QStringLiteral("saved-slurm.json"));
        QVERIFY2(config.save(saved, &error), qPrintable(error));
        ConsoleConfig again;
        QVERIFY2(ConsoleConfig::load(saved, &again, &error), qPrintable(error));
        QCOMPARE(again.sources, config.sources);
    }

    void prometheus()
    {
        const QString path = write(json("{'version': 1, 'sources': ["
                                        "{ 'name': 'east', 'kind': 'prometheus', 'url': 'http://prom:9090',"
                                        "  'basicAuthFile': '/etc/meridian/east.auth',"
                                        "  'labels': { 'region': 'cluster', 'rack': 'rack_id' },"
                                        "  'historyHours': 720, 'historyStepSeconds': 30 },"
                                        "{ 'name': 'west', 'kind': 'prometheus', 'url': 'http://prom2:9090/' } ]}"));
        ConsoleConfig config;
        QString error;
        QVERIFY2(ConsoleConfig::load(path, &config, &error), qPrintable(error));
        QCOMPARE(config.sources.size(), 2);
        const SourceConfig& east = config.sources[0];
        QCOMPARE(east.kind, SourceConfig::Kind::Prometheus);
        QCOMPARE(east.basicAuthFile, QStringLiteral("/etc/meridian/east.auth"));
        QCOMPARE(east.labels.region, QStringLiteral("cluster"));
        QCOMPARE(east.labels.rack, QStringLiteral("rack_id"));
        QCOMPARE(east.labels.node, QStringLiteral("node")); // the defaults for what is not named
        QCOMPARE(east.labels.pool, QStringLiteral("pool"));
        QVERIFY(config.sources[1].labels == Prometheus::TopologyLabels());
        QCOMPARE(east.historyHours, 720);
        QCOMPARE(east.historyStepSeconds, 30);
        QCOMPARE(config.sources[1].historyHours, -1); // the defaults: 48 h at 60 s (promhistory.h)
        QCOMPARE(config.sources[1].historyStepSeconds, 0);
        const QString saved = m_dir.filePath(QStringLiteral("saved-prometheus.json"));
        QVERIFY2(config.save(saved, &error), qPrintable(error));
        ConsoleConfig again;
        QVERIFY2(ConsoleConfig::load(saved, &again, &error), qPrintable(error));
        QCOMPARE(again.sources, config.sources);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("errorContains");
        auto src
            = [](const QByteArray& fields) -> QByteArray { return json("{'version':1,'sources':[{") + fields + "}]}"; };
        QTest::addRow("not json") << QByteArray("{nope") << QStringLiteral("not valid JSON");
        QTest::addRow("array at top") << QByteArray("[]") << QStringLiteral("expected a JSON object");
        QTest::addRow("no version") << QByteArray(json("{'sources':[]}")) << QStringLiteral("version");
        QTest::addRow("future version") << QByteArray(json("{'version':2,'sources':[]}")) << QStringLiteral("version");
        QTest::addRow("unknown top key") << QByteArray(json("{'version':1,'sources':[],'x':1}"))
                                         << QStringLiteral("unknown key");
        QTest::addRow("sources not array")
            << QByteArray(json("{'version':1,'sources':{}}")) << QStringLiteral("sources");
        QTest::addRow("source not object")
            << QByteArray(json("{'version':1,'sources':[3]}")) << QStringLiteral("sources[0]");
        QTest::addRow("missing name") << src(json("'url':'http://h/'")) << QStringLiteral("name");
        QTest::addRow("name wrong type") << src(json("'name':5,'url':'http://h/'")) << QStringLiteral("name");
        QTest::addRow("unknown kind") << src(json("'name':'a','kind':'prom','url':'http://h/'"))
                                      << QStringLiteral("kind");
        QTest::addRow("labels on an agent")
            << src(json("'name':'a','url':'http://h/','labels':{'region':'zone'}")) << QStringLiteral("prometheus");
        QTest::addRow("basic auth on a fleet")
            << src(json("'name':'a','kind':'fleet','url':'http://h/','basicAuthFile':'/x'"))
            << QStringLiteral("prometheus");
        QTest::addRow("labels not object")
            << src(json("'name':'a','kind':'prometheus','url':'http://h/','labels':['zone']"))
            << QStringLiteral("labels");
        QTest::addRow("unknown label role")
            << src(json("'name':'a','kind':'prometheus','url':'http://h/','labels':{'site':'dc'}"))
            << QStringLiteral("unknown key");
        QTest::addRow("bad label name") << src(
            json("'name':'a','kind':'prometheus','url':'http://h/','labels':{'region':'my-zone'}"))
                                        << QStringLiteral("labels.region");
        QTest::addRow("empty label name")
            << src(json("'name':'a','kind':'prometheus','url':'http://h/','labels':{'node':''}"))
            << QStringLiteral("labels.node");
        QTest::addRow("basic auth empty")
            << src(json("'name':'a','kind':'prometheus','url':'http://h/','basicAuthFile':''"))
            << QStringLiteral("basicAuthFile");
        QTest::addRow("history on a fleet")
            << src(json("'name':'a','kind':'fleet','url':'http://h/','historyHours':24"))
            << QStringLiteral("prometheus");
        QTest::addRow("history hours negative")
            << src(json("'name':'a','kind':'prometheus','url':'http://h/','historyHours':-1"))
            << QStringLiteral("historyHours");
        QTest::addRow("history hours fraction")
            << src(json("'name':'a','kind':'prometheus','url':'http://h/','historyHours':1.5"))
            << QStringLiteral("historyHours");
        QTest::addRow("history hours beyond 400 days")
            << src(json("'name':'a','kind':'prometheus','url':'http://h/','historyHours':9601"))
            << QStringLiteral("historyHours");
        QTest::addRow("history step not dividing a minute")
            << src(json("'name':'a','kind':'prometheus','url':'http://h/','historyStepSeconds':25"))
            << QStringLiteral("historyStepSeconds");
        QTest::addRow("history step as text")
            << src(json("'name':'a','kind':'prometheus','url':'http://h/','historyStepSeconds':'60'"))
            << QStringLiteral("historyStepSeconds");
        QTest::addRow("ftp url") << src(json("'name':'a','url':'ftp://h/'")) << QStringLiteral("url");
        QTest::addRow("file url") << src(json("'name':'a','url':'file:///etc/passwd'")) << QStringLiteral("url");
        QTest::addRow("no host") << src(json("'name':'a','url':'http:///x'")) << QStringLiteral("url");
        QTest::addRow("credentials in url")
            << src(json("'name':'a','url':'http://u:p@h/'")) << QStringLiteral("user info");
        QTest::addRow("url wrong type") << src(json("'name':'a','url':[1]")) << QStringLiteral("url");
        QTest::addRow("interval zero") << src(json("'name':'a','url':'http://h/','intervalSeconds':0"))
                                       << QStringLiteral("intervalSeconds");
        QTest::addRow("interval too long")
            << src(json("'name':'a','url':'http://h/','intervalSeconds':3601")) << QStringLiteral("intervalSeconds");
        QTest::addRow("interval string") << src(json("'name':'a','url':'http://h/','intervalSeconds':'5'"))
                                         << QStringLiteral("intervalSeconds");
        QTest::addRow("token file wrong type")
            << src(json("'name':'a','url':'http://h/','tokenFile':true")) << QStringLiteral("tokenFile");
        QTest::addRow("token inline") << src(json("'name':'a','url':'http://h/','token':'secret'"))
                                      << QStringLiteral("unknown key");
        QTest::addRow("user on an agent")
            << src(json("'name':'a','url':'http://h/','user':'u'")) << QStringLiteral("only a \"slurm\" source");
        QTest::addRow("pool rule without match")
            << src(json("'name':'a','kind':'slurm','url':'http://h/','pools':[{'pool':'p'}]"))
            << QStringLiteral("nodePrefix");
        QTest::addRow("pool rule with both") << src(
            json("'name':'a','kind':'slurm','url':'http://h/','pools':[{'pool':'p','nodePrefix':'n','feature':'f'}]"))
                                             << QStringLiteral("nodePrefix");
        QTest::addRow("host names on an agent") << src(json("'name':'a','url':'http://h/','hostNames':{'n1':'h'}"))
                                                << QStringLiteral("only a \"slurm\" source");
        QTest::addRow("host name empty") << src(
            json("'name':'a','kind':'slurm','url':'http://h/','hostNames':{'n1':''}"))
                                         << QStringLiteral("n1");
        QTest::addRow("host names not an object")
            << src(json("'name':'a','kind':'slurm','url':'http://h/','hostNames':['n1']"))
            << QStringLiteral("hostNames");
        QTest::addRow("job kind unknown")
            << src(json("'name':'a','kind':'slurm','url':'http://h/','jobKinds':[{'kind':'batch','qos':'x'}]"))
            << QStringLiteral("jobKinds[0]");
        QTest::addRow("job kind with two matches") << src(json(
            "'name':'a','kind':'slurm','url':'http://h/','jobKinds':[{'kind':'training','qos':'x','account':'y'}]"))
                                                   << QStringLiteral("jobKinds[0]");
        QTest::addRow("job kind empty value")
            << src(json("'name':'a','kind':'slurm','url':'http://h/','jobKinds':[{'kind':'training','namePrefix':''}]"))
            << QStringLiteral("jobKinds[0]");
        QTest::addRow("job kinds on an agent")
            << src(json("'name':'a','url':'http://h/','jobKinds':[{'kind':'training','qos':'x'}]"))
            << QStringLiteral("only a \"slurm\" source");
        QTest::addRow("pool rule unknown key")
            << src(json("'name':'a','kind':'slurm','url':'http://h/','pools':[{'pool':'p','partition':'x'}]"))
            << QStringLiteral("unknown key");
        QTest::addRow("duplicate names") << QByteArray(
            json("{'version':1,'sources':[{'name':'a','url':'http://h/'},{'name':'a','url':'http://g/'}]}"))
                                         << QStringLiteral("used twice");
        QTest::addRow("oversized") << (QByteArray(json("{'version':1,'sources':[],'cache':'"))
            + QByteArray(2 * 1024 * 1024, 'x') + "\"}")
                                   << QStringLiteral("larger than");
    }

    void malformed()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, errorContains);
        ConsoleConfig config;
        config.cachePath = QStringLiteral("untouched");
        QString error;
        QVERIFY(!ConsoleConfig::load(write(content), &config, &error));
        QVERIFY2(error.contains(errorContains), qPrintable(error));
        QCOMPARE(config.cachePath, QStringLiteral("untouched")); // a failed load changes nothing
    }

    void missingFile()
    {
        ConsoleConfig config;
        QString error;
        QVERIFY(!ConsoleConfig::load(m_dir.filePath(QStringLiteral("absent.json")), &config, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConsoleConfig)
#include "tst_consoleconfig.moc"
