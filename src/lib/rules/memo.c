/*
 * The meets() memo of one run and rule set, shared by every worker thread.
 *
 * A form's judgement of (award, subject, year) through meets() depends on
 * nothing else: the synthetic nomination nested() builds carries only
 * those. So each is judged once per run, whichever thread asks first, and
 * top-level judgements that are provably the same question seed it
 * (evalform.c), by reference: their summary is written only if asked, and
 * a pass's summary (verdict, award, year) is not kept at all. Reading a
 * seed's arrays after the lock is safe: they are written before the
 * insert and not again during the run. Insert-only open addressing, split into shards with a
 * mutex each, so the threads rarely meet on a lock; two threads racing on
 * one key only waste work (the second insert is dropped: the values are
 * the same).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules_internal.h"

#define SHARD_BITS 6
#define SHARDS (1u << SHARD_BITS)

/* 24 bytes: rt_memo_val's fields are kept unpadded (a run at a million
 * people holds over a million entries). */
typedef struct memo_entry {
    uint64_t key; /* 0 = empty */
    union {
        uint64_t text;        /* offset into the shard's text */
        const rt_judged *src; /* a top-level judgement's arrays */
    } u;
    uint32_t forms; /* rt_memo_val */
    int8_t result;
    uint8_t height;
    uint8_t how; /* what u holds */
} memo_entry;
_Static_assert(sizeof(memo_entry) == 24, "a memo entry is 24 bytes");

/* Seeds' rt_judged, copied into blocks that never move and go with the
 * memo (not with the results, which outlive it). */
#define JUDGED_PER_BLOCK 1024
typedef struct judged_block {
    struct judged_block *next;
    rt_judged item[JUDGED_PER_BLOCK];
} judged_block;

enum { HOW_NONE, HOW_TEXT, HOW_SRC, HOW_VERDICT, HOW_QUIET };

/* What an entry can answer, from the least: a verdict; a whole judgement
 * without its summary; one with it. */
static int rank_of(int how)
{
    return how == HOW_VERDICT ? 0 : how == HOW_QUIET ? 1 : 2;
}

typedef struct memo_shard {
    pthread_mutex_t lock;
    memo_entry *slots;
    size_t cap, count;
    size_t hits, seeded; /* for tests and profiles */
    tdkt_buf text; /* NUL-terminated details */
    judged_block *judged; /* the newest block first */
    size_t judged_used;   /* items used in it */
    char pad[64];  /* keep neighbouring locks off one cache line */
} memo_shard;

struct rt_memo {
    memo_shard shard[SHARDS];
};

uint64_t rt_memo_key(int award, int32_t subject, int year)
{
    return ((uint64_t)(uint32_t)subject << 24 |
            (uint64_t)(year & 0xffff) << 8 | (uint64_t)award) +
           1; /* never 0 */
}

/* splitmix64's finaliser: every key bit reaches every hash bit */
static uint64_t mix(uint64_t h)
{
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

rt_memo *rt_memo_new(void)
{
    rt_memo *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    for (unsigned i = 0; i < SHARDS; i++)
        pthread_mutex_init(&m->shard[i].lock, NULL);
    return m;
}

void rt_memo_free(rt_memo *m)
{
    if (!m)
        return;
    for (unsigned i = 0; i < SHARDS; i++) {
        pthread_mutex_destroy(&m->shard[i].lock);
        free(m->shard[i].slots);
        tdkt_buf_free(&m->shard[i].text);
        for (judged_block *b = m->shard[i].judged, *next; b; b = next) {
            next = b->next;
            free(b);
        }
    }
    free(m);
}

/* The slot of key in s (its own or the empty one it would take). The
 * shard is chosen by the high hash bits, the slot by the low ones. */
static size_t slot_of(const memo_shard *s, uint64_t key, uint64_t h)
{
    size_t j = (size_t)h & (s->cap - 1);
    while (s->slots[j].key && s->slots[j].key != key)
        j = (j + 1) & (s->cap - 1);
    return j;
}

/* A copy of *src in s's blocks, or NULL (no memory). */
static const rt_judged *keep_judged(memo_shard *s, const rt_judged *src)
{
    if (!s->judged || s->judged_used == JUDGED_PER_BLOCK) {
        judged_block *b = malloc(sizeof *b);
        if (!b)
            return NULL;
        b->next = s->judged;
        s->judged = b;
        s->judged_used = 0;
    }
    rt_judged *j = &s->judged->item[s->judged_used++];
    *j = *src;
    return j;
}

static bool grow(memo_shard *s)
{
    size_t cap = s->cap ? s->cap * 2 : 64;
    memo_entry *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    memo_shard n = {.slots = slots, .cap = cap};
    for (size_t i = 0; i < s->cap; i++)
        if (s->slots[i].key)
            slots[slot_of(&n, s->slots[i].key, mix(s->slots[i].key))] =
                s->slots[i];
    free(s->slots);
    s->slots = slots;
    s->cap = cap;
    return true;
}

void rt_copy_text(char *out, size_t n, const char *s)
{
    if (!out || !n)
        return;
    size_t len = strlen(s);
    if (len >= n)
        len = n - 1;
    memcpy(out, s, len);
    out[len] = '\0';
}

/* The shard's lock is held while the text is copied (the buffer may move
 * when another thread inserts). */
bool rt_memo_get(rt_memo *m, uint64_t key, rt_memo_val *v, char *text,
                 size_t tn, const rt_judged **src)
{
    uint64_t h = mix(key);
    memo_shard *s = &m->shard[h >> (64 - SHARD_BITS)];
    bool found = false;
    pthread_mutex_lock(&s->lock);
    if (s->cap) {
        const memo_entry *e = &s->slots[slot_of(s, key, h)];
        if (e->key == key) {
            *v = (rt_memo_val){e->result, e->height, e->forms,
                               e->how == HOW_VERDICT, e->how == HOW_QUIET};
            rt_copy_text(text, tn,
                         e->how == HOW_TEXT ? s->text.ptr + e->u.text : "");
            *src = e->how == HOW_SRC ? e->u.src : NULL;
            found = true;
            s->hits++;
        }
    }
    pthread_mutex_unlock(&s->lock);
    return found;
}

void rt_memo_put(rt_memo *m, uint64_t key, const rt_memo_val *v,
                 const char *text, const rt_judged *src)
{
    uint64_t h = mix(key);
    memo_shard *s = &m->shard[h >> (64 - SHARD_BITS)];
    pthread_mutex_lock(&s->lock);
    if ((s->count + 1) * 4 > s->cap * 3 && !grow(s)) /* load ≤ 3/4 */
        goto done; /* out of memory: judged again next time */
    size_t j = slot_of(s, key, h);
    memo_entry *e = &s->slots[j];
    memo_entry n = {.key = key, .forms = v->forms, .result = v->result,
                    .height = v->height};
    n.how = v->verdict_only ? HOW_VERDICT
            : v->quiet      ? HOW_QUIET
            : src           ? HOW_SRC
            : text          ? HOW_TEXT
                            : HOW_NONE;
    bool upgrade = e->key == key && rank_of(e->how) < rank_of(n.how);
    if (e->key == key && !upgrade)
        goto done; /* another thread was first: the same value */
    /* the entry changes only once all it points at is kept */
    if (n.how == HOW_SRC) {
        if (!(n.u.src = keep_judged(s, src)))
            goto done;
    } else if (n.how == HOW_TEXT) {
        n.u.text = s->text.len;
        tdkt_buf_put(&s->text, text, strlen(text) + 1);
        if (s->text.oom)
            goto done;
    }
    *e = n;
    s->count += !upgrade;
    s->seeded += src != NULL;
done:
    pthread_mutex_unlock(&s->lock);
}

void rt_memo_stats(rt_memo *m, rt_memo_counts *c)
{
    for (unsigned i = 0; i < SHARDS; i++) {
        memo_shard *s = &m->shard[i];
        pthread_mutex_lock(&s->lock);
        c->entries += s->count;
        c->seeded += s->seeded;
        c->hits += s->hits;
        pthread_mutex_unlock(&s->lock);
    }
}
