// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/security/testpki.h"

#include <QFile>
#include <QProcess>

namespace Meridian::Test {

TestPki::TestPki()
{
    if (!m_dir.isValid())
        m_error = QStringLiteral("no temporary directory");
}

bool TestPki::run(const QStringList& args)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1: %2").arg(args.join(u' '), QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    return true;
}

QString TestPki::write(const QString& name, const QByteArray& text) const
{
    QFile f(path(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        return {};
    return f.fileName();
}

bool TestPki::makeCa(const QString& name, const QString& commonName)
{
    return run({ QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
        QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"), name + QStringLiteral(".crt"),
        QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName,
        QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
        QStringLiteral("keyUsage=critical,keyCertSign,cRLSign") });
}

bool TestPki::makeCert(const QString& name, const QString& ca, const QString& commonName, const QStringList& sans,
    bool client, const QString& startDate, const QString& endDate)
{
    if (!run({ QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
            name + QStringLiteral(".key"), QStringLiteral("-out"), name + QStringLiteral(".csr"),
            QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName }))
        return false;
    // `openssl ca` is the one 3.0 command that takes explicit start and end dates (for expired certificates).
    const QString db = name + QStringLiteral(".index");
    write(db, {});
    const QByteArray config = "[ca]\ndefault_ca = test\n[test]\ndatabase = " + db.toUtf8()
        + "\nnew_certs_dir = .\nserial = " + name.toUtf8()
        + ".serial\ndefault_md = sha256\npolicy = any\n"
          "copy_extensions = none\nunique_subject = no\nx509_extensions = ext\n[any]\ncommonName = supplied\n[ext]\n"
          "basicConstraints = CA:FALSE\nkeyUsage = critical,digitalSignature,keyEncipherment\nextendedKeyUsage = "
        + (client ? QByteArray("clientAuth") : QByteArray("serverAuth"))
        + "\nsubjectAltName = " + sans.join(u',').toUtf8() + '\n';
    write(name + QStringLiteral(".cnf"), config);
    write(name + QStringLiteral(".serial"), QByteArray::number(0x1000 + m_serial++, 16) + '\n');
    QStringList args { QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"),
        name + QStringLiteral(".cnf"), QStringLiteral("-cert"), ca + QStringLiteral(".crt"), QStringLiteral("-keyfile"),
        ca + QStringLiteral(".key"), QStringLiteral("-in"), name + QStringLiteral(".csr"), QStringLiteral("-out"),
        name + QStringLiteral(".crt"), QStringLiteral("-notext") };
    if (startDate.isEmpty())
        args << QStringLiteral("-days") << QStringLiteral("30");
    else
        args << QStringLiteral("-startdate") << startDate << QStringLiteral("-enddate") << endDate;
    return run(args);
}

} // namespace Meridian::Test
