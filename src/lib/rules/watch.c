/*
 * The watchdog: starts a nomination's count hook only once the nomination
 * has run for a slice of wall time.
 *
 * Why: Lua 5.4 traps every VM instruction while a count hook is set (a
 * call per instruction, whatever the count), which cost 13-17% of every
 * evaluation. Nearly every nomination finishes in well under a
 * millisecond, so the hook is left off; a thread looks at the armed states
 * every tick and, for one armed longer than a slice, signals its thread,
 * whose handler sets the hook. From there the budget and the deadline are
 * checked as before (sandbox.c). Setting a hook from a signal handler is
 * what Lua's own interpreter does for Ctrl-C (lua.c, ldebug.c's
 * lua_sethook), and a backward jump or a call re-reads the trap, so a
 * running loop stops.
 *
 * A signal the handler has not acknowledged after WATCH_RESEND_NS is sent
 * again, should one be lost.
 *
 * The thread runs while any state is registered and is joined when the
 * last one goes. A watched thread must not exit between the watchdog's
 * decision to signal it and the signal being queued: disarming waits out
 * that window (WATCH_SENDING), which lasts one pthread_kill.
 *
 * When the signal cannot be claimed (another handler holds it) or the
 * thread cannot start, rt_watch_add() says so and the sandbox keeps the
 * hook on from the start, as before. So it does under ThreadSanitizer,
 * which holds an asynchronous signal back until the thread calls into
 * libc, and under valgrind, which delivers one to a thread in a tight
 * loop seconds late or not at all (seen with memcheck): a loop in Lua
 * would run on. Valgrind is recognised when its header was there at build
 * time, as scripts/valgrind.sh makes sure. A profile under callgrind must
 * count what runs natively: TDKT_WATCHDOG=on keeps the watchdog under
 * valgrind (scripts/bench.sh --profile sets it; no loop runs there).
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rules/rules_internal.h"

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define WATCH_UNDER_VALGRIND() RUNNING_ON_VALGRIND
#endif
#endif
#ifndef WATCH_UNDER_VALGRIND
#define WATCH_UNDER_VALGRIND() 0
#endif

enum { WATCH_IDLE, WATCH_ARMED, WATCH_SENDING, WATCH_SENT };

#define WATCH_TICK_NS (2u * 1000 * 1000) /* between looks at the states */
#define WATCH_RESEND_NS (20u * 1000 * 1000)

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake;       /* CLOCK_MONOTONIC; set up once */
static rt_watch *watched;         /* registered states, a list */
static bool running;              /* a watchdog thread is running */
static unsigned generation;       /* bumped to stop the running thread */
static pthread_t watchdog;
static bool usable;               /* signal and condition set up */
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* The innermost armed state of this thread, read by the signal handler. */
static _Thread_local rt_watch *volatile current;
static _Thread_local bool unblocked;

static int watch_signal(void)
{
    return SIGRTMIN + 2;
}

uint64_t rt_watch_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void on_signal(int sig)
{
    (void)sig;
    int saved = errno;
    rt_watch *w = current;
    if (w) {
        atomic_store(&w->poked, true);
        w->poke(w->arg);
    }
    errno = saved;
}

#if defined(__SANITIZE_THREAD__)
#define WATCH_USABLE 0
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define WATCH_USABLE 0
#endif
#endif
#ifndef WATCH_USABLE
#define WATCH_USABLE 1
#endif

static void setup(void)
{
    const char *force = getenv("TDKT_WATCHDOG");
    if (!WATCH_USABLE ||
        (WATCH_UNDER_VALGRIND() && !(force && strcmp(force, "on") == 0)))
        return;
    struct sigaction old, sa = {0};
    if (sigaction(watch_signal(), NULL, &old) != 0 ||
        (old.sa_handler != SIG_DFL && old.sa_handler != SIG_IGN))
        return; /* someone else's signal: keep the hook on */
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    if (sigaction(watch_signal(), &sa, NULL) != 0)
        return;
    pthread_condattr_t ca;
    if (pthread_condattr_init(&ca) != 0)
        return;
    bool ok = pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) == 0 &&
              pthread_cond_init(&wake, &ca) == 0;
    pthread_condattr_destroy(&ca);
    usable = ok;
}

static void look(uint64_t now)
{
    for (rt_watch *w = watched; w; w = w->next) {
        int s = atomic_load(&w->state);
        uint64_t since = atomic_load_explicit(&w->armed_ns,
                                              memory_order_relaxed);
        bool due = s == WATCH_ARMED ? now >= since + RT_WATCH_SLICE_NS
                   : s == WATCH_SENT ? !atomic_load(&w->poked) &&
                                           now >= since + WATCH_RESEND_NS
                                     : false;
        if (!due ||
            !atomic_compare_exchange_strong(&w->state, &s, WATCH_SENDING))
            continue;
        /* The thread cannot finish disarming until this is queued, so it
         * is alive, and does not arm again meanwhile. */
        pthread_kill(w->thread, watch_signal());
        atomic_store_explicit(&w->armed_ns, now, memory_order_relaxed);
        atomic_store(&w->state, WATCH_SENT);
    }
}

static void *watch_main(void *arg)
{
    unsigned mine = (unsigned)(uintptr_t)arg;
    pthread_mutex_lock(&mu);
    while (mine == generation) {
        uint64_t now = rt_watch_now();
        look(now);
        uint64_t next = now + WATCH_TICK_NS;
        struct timespec at = {(time_t)(next / 1000000000u),
                              (long)(next % 1000000000u)};
        pthread_cond_timedwait(&wake, &mu, &at);
    }
    pthread_mutex_unlock(&mu);
    return NULL;
}

/* Under mu. */
static bool start_locked(void)
{
    if (running)
        return true;
    /* The watchdog takes no process signal meant for the program. */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int e = pthread_create(&watchdog, NULL, watch_main,
                           (void *)(uintptr_t)generation);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    running = e == 0;
    return running;
}

bool rt_watch_add(rt_watch *w, void (*poke)(void *), void *arg)
{
    pthread_once(&once, setup);
    if (!usable)
        return false;
    w->poke = poke;
    w->arg = arg;
    atomic_init(&w->state, WATCH_IDLE);
    atomic_init(&w->armed_ns, 0);
    atomic_init(&w->poked, false);
    pthread_mutex_lock(&mu);
    bool ok = start_locked();
    if (ok) {
        w->next = watched;
        w->prev = NULL;
        if (watched)
            watched->prev = w;
        watched = w;
    }
    pthread_mutex_unlock(&mu);
    return ok;
}

void rt_watch_remove(rt_watch *w)
{
    if (current == w)
        current = w->outer;
    pthread_mutex_lock(&mu);
    if (w->prev)
        w->prev->next = w->next;
    else
        watched = w->next;
    if (w->next)
        w->next->prev = w->prev;
    bool stop = !watched && running;
    pthread_t t = watchdog;
    if (stop) {
        running = false;
        generation++;
        pthread_cond_signal(&wake);
    }
    pthread_mutex_unlock(&mu);
    if (stop)
        pthread_join(t, NULL);
}

void rt_watch_arm(rt_watch *w, uint64_t now)
{
    if (!unblocked) {
        /* A thread that blocks the signal would never be stopped. */
        sigset_t s;
        sigemptyset(&s);
        sigaddset(&s, watch_signal());
        pthread_sigmask(SIG_UNBLOCK, &s, NULL);
        unblocked = true;
    }
    w->thread = pthread_self();
    w->outer = current;
    atomic_store_explicit(&w->armed_ns, now, memory_order_relaxed);
    atomic_store_explicit(&w->poked, false, memory_order_relaxed);
    atomic_store_explicit(&w->state, WATCH_ARMED, memory_order_release);
    /* The handler may run from here on: what it reads is set. */
    atomic_signal_fence(memory_order_seq_cst);
    current = w;
}

void rt_watch_disarm(rt_watch *w)
{
    current = w->outer;
    atomic_signal_fence(memory_order_seq_cst);
    int s = atomic_load(&w->state);
    for (;;) {
        if (s == WATCH_SENDING) { /* the watchdog is queuing the signal */
            sched_yield();
            s = atomic_load(&w->state);
        } else if (atomic_compare_exchange_weak(&w->state, &s, WATCH_IDLE)) {
            return;
        }
    }
}
