// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sources/sourceeditdialog.h"

#include "core/util/secretfile.h"
#include "ui/common/theme.h"
#include "ui/sources/sourcetablemodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Meridian {

namespace {
constexpr int MinIntervalS = 1;
constexpr int MaxIntervalS = 3600;
constexpr qsizetype MaxTokenFileBytes = 4096; // as core/net reads it
constexpr int MaxNameLength = 64;
} // namespace

SourceEditDialog::SourceEditDialog(const SourceConfig& source, const QStringList& takenNames, QWidget* parent)
    : QDialog(parent)
    , m_original(source)
    , m_takenNames(takenNames)
    , m_name(new QLineEdit(source.name, this))
    , m_kind(new QComboBox(this))
    , m_url(new QLineEdit(source.url.toString(), this))
    , m_tokenFile(new QLineEdit(source.tokenFile, this))
    , m_basicAuthFile(new QLineEdit(source.basicAuthFile, this))
    , m_basicAuthLabel(new QLabel(tr("&Basic auth file:"), this))
    , m_interval(new QSpinBox(this))
    , m_user(new QLineEdit(source.user, this))
    , m_region(new QLineEdit(source.region, this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(source.name.isEmpty() ? tr("Add Source") : tr("Edit Source"));
    m_name->setObjectName(QStringLiteral("name"));
    m_url->setObjectName(QStringLiteral("url"));
    m_tokenFile->setObjectName(QStringLiteral("tokenFile"));
    m_basicAuthFile->setObjectName(QStringLiteral("basicAuthFile"));
    m_basicAuthFile->setPlaceholderText(tr("optional: file holding user:password"));
    m_basicAuthLabel->setBuddy(m_basicAuthFile);
    m_interval->setObjectName(QStringLiteral("interval"));
    m_name->setMaxLength(MaxNameLength);
    m_url->setPlaceholderText(QStringLiteral("http://127.0.0.1:9464/"));
    m_tokenFile->setPlaceholderText(tr("optional: file holding the bearer token"));
    m_kind->addItem(SourceTableModel::kindName(SourceConfig::Kind::Agent), int(SourceConfig::Kind::Agent));
    m_kind->addItem(SourceTableModel::kindName(SourceConfig::Kind::Fleet), int(SourceConfig::Kind::Fleet));
    m_kind->addItem(SourceTableModel::kindName(SourceConfig::Kind::Prometheus), int(SourceConfig::Kind::Prometheus));
    m_kind->addItem(SourceTableModel::kindName(SourceConfig::Kind::Slurm), int(SourceConfig::Kind::Slurm));
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(source.kind))));
    m_kind->setToolTip(tr("A single agent serves one node; a fleet front (simulator, gateway) serves many "
                          "nodes through /api/v1/nodes; a Prometheus (or Thanos, VictoriaMetrics, Mimir) "
                          "serves the metrics its exporters scrape; Slurm's slurmrestd serves a cluster's nodes, "
                          "partitions and jobs"));
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setMaxLength(MaxNameLength);
    m_user->setPlaceholderText(tr("the user the JWT was issued to (scontrol token username=…)"));
    m_region->setObjectName(QStringLiteral("region"));
    m_region->setMaxLength(MaxNameLength);
    m_region->setPlaceholderText(tr("optional: default is the source's name"));
    m_interval->setRange(MinIntervalS, MaxIntervalS);
    m_interval->setSuffix(tr(" s"));
    m_interval->setValue(qBound(MinIntervalS, source.intervalMs / 1000, MaxIntervalS));

    auto* browse = new QToolButton(this);
    browse->setText(tr("Browse…"));
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Token File"), m_tokenFile->text());
        if (!file.isEmpty())
            m_tokenFile->setText(file);
    });
    auto* tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_tokenFile, 1);
    tokenRow->addWidget(browse);

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("&Token file:"), tokenRow);
    form->addRow(m_basicAuthLabel, m_basicAuthFile);
    form->addRow(tr("Slurm us&er:"), m_user);
    form->addRow(tr("&Region:"), m_region);
    form->addRow(tr("Poll &interval:"), m_interval);

    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    QPalette p = m_problem->palette();
    p.setColor(QPalette::WindowText, Theme::color(Theme::Tone::Bad, palette()));
    m_problem->setPalette(p);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* edit : { m_name, m_url, m_tokenFile, m_basicAuthFile })
        connect(edit, &QLineEdit::textChanged, this, &SourceEditDialog::revalidate);
    for (QLineEdit* edit : { m_user, m_region })
        connect(edit, &QLineEdit::textChanged, this, &SourceEditDialog::revalidate);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &SourceEditDialog::kindChanged);
    m_form = form;
    connect(m_interval, &QSpinBox::valueChanged, this, &SourceEditDialog::revalidate);
    resize(520, sizeHint().height());
    kindChanged();
}

void SourceEditDialog::kindChanged()
{
    const SourceConfig::Kind kind = SourceConfig::Kind(m_kind->currentData().toInt());
    const bool prometheus = kind == SourceConfig::Kind::Prometheus;
    const bool slurm = kind == SourceConfig::Kind::Slurm;
    m_basicAuthLabel->setVisible(prometheus);
    m_basicAuthFile->setVisible(prometheus);
    m_form->setRowVisible(m_user, slurm);
    m_form->setRowVisible(m_region, slurm);
    m_url->setPlaceholderText(prometheus ? QStringLiteral("http://127.0.0.1:9090/")
            : slurm                      ? QStringLiteral("http://127.0.0.1:6820/")
                                         : QStringLiteral("http://127.0.0.1:9464/"));
    m_tokenFile->setPlaceholderText(
        slurm ? tr("file holding the JWT (scontrol token)") : tr("optional: file holding the bearer token"));
    revalidate();
}

SourceConfig SourceEditDialog::source() const
{
    SourceConfig s = m_original;
    s.name = m_name->text().trimmed();
    s.labels = m_original.labels;
    s.kind = SourceConfig::Kind(m_kind->currentData().toInt());
    QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    // The sources resolve endpoint paths against the base URL, so it must end in '/'.
    if (url.isValid() && !url.path().endsWith(QLatin1Char('/')))
        url.setPath(url.path() + QLatin1Char('/'));
    s.url = m_url->text().trimmed().isEmpty() ? QUrl() : url;
    s.tokenFile = m_tokenFile->text().trimmed();
    // Basic auth is a Prometheus source's only: another kind neither shows nor keeps it.
    s.basicAuthFile = s.kind == SourceConfig::Kind::Prometheus ? m_basicAuthFile->text().trimmed() : QString();
    s.intervalMs = m_interval->value() * 1000;
    const bool slurm = s.kind == SourceConfig::Kind::Slurm;
    s.user = slurm ? m_user->text().trimmed() : QString();
    s.region = slurm ? m_region->text().trimmed() : QString();
    if (!slurm)
        s.pools.clear();
    return s;
}

QString SourceEditDialog::validate(const SourceConfig& source, const QStringList& takenNames)
{
    if (source.name.isEmpty())
        return tr("Give the source a name.");
    if (takenNames.contains(source.name))
        return tr("Another source is already called “%1”.").arg(source.name);
    if (!source.url.isValid() || source.url.host().isEmpty())
        return tr("Enter the agent's URL, e.g. http://127.0.0.1:9464/");
    const QString scheme = source.url.scheme();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return tr("The URL must start with http:// or https://");
    if (!source.tokenFile.isEmpty()) {
        // The same checks the source makes when it reads the token (core/util/secretfile.h), said now:
        // a token file others can read is refused with the chmod to run.
        const SecretFile::Result token = SecretFile::read(source.tokenFile, MaxTokenFileBytes, tr("Token file"));
        if (!token.ok())
            return token.error;
    }
    if (source.kind == SourceConfig::Kind::Slurm && source.tokenFile.isEmpty() && source.credential.isEmpty())
        return tr("slurmrestd needs a JWT: give the file that holds it.");
    if (!source.basicAuthFile.isEmpty()) {
        const QFileInfo info(source.basicAuthFile);
        if (!info.isFile() || !info.isReadable())
            return tr("The basic auth file does not exist or cannot be read.");
    }
    if (source.intervalMs < MinIntervalS * 1000 || source.intervalMs > MaxIntervalS * 1000)
        return tr("The interval must be between %1 and %2 seconds.").arg(MinIntervalS).arg(MaxIntervalS);
    return {};
}

void SourceEditDialog::revalidate()
{
    const QString problem = validate(source(), m_takenNames);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace Meridian
