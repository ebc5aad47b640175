// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace Meridian {

namespace {
// QPointer: the translators are children of the application object, which
// main() replaces once (a QCoreApplication parses the arguments, then the QApplication runs).
QPointer<QTranslator> s_meridian;
QPointer<QTranslator> s_qtbase;

void removeInstalled()
{
    for (QPointer<QTranslator>* t : { &s_meridian, &s_qtbase }) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete t->data();
        }
        *t = nullptr;
    }
}
} // namespace

bool installTranslations(const QLocale& locale)
{
    removeInstalled();
    QLocale::setDefault(locale);
    auto* meridian = new QTranslator(QCoreApplication::instance());
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) {
        // English has a catalogue of plural forms only: "1 node", "2 nodes".
        if (meridian->load(QStringLiteral(":/i18n/meridian_en.qm"))) {
            QCoreApplication::installTranslator(meridian);
            s_meridian = meridian;
        } else {
            delete meridian;
        }
        return true;
    }

    if (!meridian->load(locale, QStringLiteral("meridian"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete meridian;
        return false;
    }
    QCoreApplication::installTranslator(meridian);
    s_meridian = meridian;

    // Qt's own strings (dialog buttons, context menus); optional.
    auto* qtbase = new QTranslator(QCoreApplication::instance());
    if (qtbase->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtbase);
        s_qtbase = qtbase;
    } else {
        delete qtbase;
    }
    return true;
}

} // namespace Meridian
