// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/consoleconfig.h"

#include <QDialog>

class QComboBox;
class QFormLayout;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Meridian {

// Adds or edits one source; OK stays disabled while the input is invalid and
// a line under the form says why.
class SourceEditDialog : public QDialog
{
    Q_OBJECT
public:
    // takenNames: names of the other sources (names must be unique).
    SourceEditDialog(const SourceConfig& source, const QStringList& takenNames, QWidget* parent = nullptr);

    SourceConfig source() const;

    // Empty when valid, else a translated reason. Checks what the strict config loader checks.
    static QString validate(const SourceConfig& source, const QStringList& takenNames);

private:
    void revalidate();
    void kindChanged();

    SourceConfig m_original; ///< what the form does not edit (TLS files, credential, pool rules, label names) is kept
    QStringList m_takenNames;
    QLineEdit* m_name;
    QComboBox* m_kind;
    QLineEdit* m_url;
    QLineEdit* m_tokenFile;
    QLineEdit* m_basicAuthFile; ///< Prometheus only: "user:password" in a file
    QLabel* m_basicAuthLabel;
    QSpinBox* m_interval;
    QLineEdit* m_user; ///< Slurm: X-SLURM-USER-NAME
    QLineEdit* m_region; ///< Slurm: the cluster's region
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
    QFormLayout* m_form = nullptr;
};

} // namespace Meridian
