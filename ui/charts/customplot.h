// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// QCustomPlot, without the rest of Qt. Debian's qcustomplot.h includes <QtPrintSupport/QtPrintSupport>, the module
// header that pulls in every header of QtCore, QtGui, QtWidgets and QtPrintSupport (about 300,000 lines, 8 s of
// parsing in every file that includes it), yet its declarations need only the QtCore/QtGui/QWidget headers it
// includes one by one. Marking the module header as read keeps each file to what it includes itself; a file that
// prints includes <QPrinter> as usual. Every file reaches QCustomPlot through here (tests/architecture checks it).
#ifndef QT_QTPRINTSUPPORT_MODULE_H
#define QT_QTPRINTSUPPORT_MODULE_H
#define MERIDIAN_SKIPPED_QTPRINTSUPPORT_MODULE
#endif
#include <qcustomplot.h>
#ifdef MERIDIAN_SKIPPED_QTPRINTSUPPORT_MODULE
#undef QT_QTPRINTSUPPORT_MODULE_H
#undef MERIDIAN_SKIPPED_QTPRINTSUPPORT_MODULE
#endif
