// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QThread;

namespace Meridian {

// Nice steps a background worker runs below the thread that started it.
inline constexpr int BackgroundNiceIncrement = 5;

// Marks a worker thread (source polling and decoding, the cache's writer and reader) as
// background work: it runs BackgroundNiceIncrement nice steps below its creator. The UI thread
// mostly sleeps and must then run within a frame; with the workers at the same priority, a busy
// machine (two cores, a decoder and SQLite each wanting one) made it wait up to 90 ms for a core.
// Workers lose nothing on an idle machine, only part of their share when the CPU is contended.
// Linux only (nice is per thread there); elsewhere a no-op. Call before thread->start().
void setBackgroundPriority(QThread* thread);

// The same for a thread already running (a thread-pool thread about to do background work): it runs
// BackgroundNiceIncrement nice steps below the process's main thread from now on. Idempotent.
void lowerCurrentThreadToBackground();

// The nice value of the calling thread; 0 where threads have none.
int currentThreadNice();

} // namespace Meridian
