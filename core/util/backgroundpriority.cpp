// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/backgroundpriority.h"

#include <QLoggingCategory>
#include <QThread>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <cstring>
#include <sys/resource.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcPriority, "meridian.core.priority", QtInfoMsg)

namespace Meridian {

int currentThreadNice()
{
#ifdef Q_OS_LINUX
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, id_t(::gettid()));
    return errno == 0 ? nice : 0;
#else
    return 0;
#endif
}

void lowerCurrentThreadToBackground()
{
#ifdef Q_OS_LINUX
    // The process's id names its main thread: the level the UI runs at.
    errno = 0;
    const int main = ::getpriority(PRIO_PROCESS, id_t(::getpid()));
    if (errno != 0)
        return;
    const int wanted = std::min(19, main + BackgroundNiceIncrement);
    if (currentThreadNice() < wanted && ::setpriority(PRIO_PROCESS, id_t(::gettid()), wanted) != 0)
        qCInfo(lcPriority) << "could not lower the priority of a pool thread" << std::strerror(errno);
#endif
}

void setBackgroundPriority(QThread* thread)
{
#ifdef Q_OS_LINUX
    // QThread::started is emitted on the new thread: a direct connection runs there, before any
    // of its work. PRIO_PROCESS with a thread id changes that thread only.
    QObject::connect(
        thread, &QThread::started, thread,
        [] {
            const int nice = std::min(19, currentThreadNice() + BackgroundNiceIncrement);
            if (::setpriority(PRIO_PROCESS, id_t(::gettid()), nice) != 0)
                qCInfo(lcPriority) << "could not lower the priority of" << QThread::currentThread()->objectName()
                                   << std::strerror(errno);
        },
        Qt::DirectConnection);
#else
    Q_UNUSED(thread)
#endif
}

} // namespace Meridian
