/*
 * The per-thread error slot and the diagnostics list.
 *
 * Worker threads evaluate nominations in parallel, so the "last error" is
 * thread-local rather than per handle: each thread reads its own.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tdkt/common.h"

static _Thread_local tdkt_error last_error;
/* Set once at the start, read by every thread after. */
static tdkt_lang message_lang = TDKT_LANG_EN;

const char *tdkt_os_error(int e, tdkt_lang lang)
{
    static const struct {
        int e;
        const char *vi, *en;
    } texts[] = {
        {ENOENT, "không có tệp hay thư mục này", "no such file or folder"},
        {EACCES, "không có quyền", "permission denied"},
        {EPERM, "không được phép", "operation not permitted"},
        {EISDIR, "đây là một thư mục", "this is a folder"},
        {ENOTDIR, "một phần của đường dẫn không phải thư mục",
         "a part of the path is not a folder"},
        {ENOSPC, "đĩa hết chỗ", "no space left on the disk"},
        {EROFS, "ổ đĩa chỉ cho đọc", "the disk is read-only"},
        {EEXIST, "đã có tệp này", "the file exists"},
        {ENAMETOOLONG, "tên tệp quá dài", "file name too long"},
        {ELOOP, "quá nhiều liên kết tượng trưng", "too many symbolic links"},
        {EIO, "lỗi vào/ra của đĩa", "input/output error"},
        {EFBIG, "tệp quá lớn", "file too large"},
        {EMFILE, "mở quá nhiều tệp", "too many open files"},
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        if (texts[i].e == e)
            return lang == TDKT_LANG_EN ? texts[i].en : texts[i].vi;
    return strerror(e);
}

int tdkt_lang_parse(tdkt_lang *out, const char *name)
{
    if (name && strcmp(name, "vi") == 0)
        *out = TDKT_LANG_VI;
    else if (name && strcmp(name, "en") == 0)
        *out = TDKT_LANG_EN;
    else
        return TDKT_EINVALID;
    return TDKT_OK;
}

void tdkt_set_message_lang(tdkt_lang lang)
{
    message_lang = lang;
}

tdkt_lang tdkt_message_lang(void)
{
    return message_lang;
}

const char *tdkt_version(void)
{
    return TDKT_VERSION_STRING;
}

extern const char tdkt__build[]; /* generated: cmake/BuildId.cmake */

const char *tdkt_build(void)
{
    return tdkt__build;
}

const char *tdkt_strerror(int code)
{
    switch (code) {
    case TDKT_OK: return "ok";
    case TDKT_ERROR: return "failure";
    case TDKT_ENOTFOUND: return "not found";
    case TDKT_EINVALID: return "invalid input";
    case TDKT_EDB: return "database error";
    case TDKT_ERULE: return "rule error";
    case TDKT_ELIMIT: return "limit exceeded";
    case TDKT_ENOMEM: return "out of memory";
    case TDKT_EUSER: return "stopped by callback";
    case TDKT_EBUSY: return "database busy";
    default: return "unknown error";
    }
}

const tdkt_error *tdkt_error_last(void)
{
    return &last_error;
}

void tdkt_error_clear(void)
{
    last_error.code = TDKT_OK;
    last_error.message[0] = '\0';
}

int tdkt_error_set(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_error.message, sizeof last_error.message, fmt, ap);
    va_end(ap);
    last_error.code = code;
    return code;
}

static char *dup_or_empty(const char *s)
{
    return strdup(s ? s : "");
}

/* The counts of @p file (added when new), or NULL (no memory). Few
 * files: a list. */
static tdkt_diag_file *file_counts(tdkt_diags *d, const char *file)
{
    file = file ? file : "";
    for (size_t i = 0; i < d->nfiles; i++)
        if (strcmp(d->files[i].file, file) == 0)
            return &d->files[i];
    tdkt_diag_file *f = realloc(d->files, (d->nfiles + 1) * sizeof *f);
    if (!f)
        return NULL;
    d->files = f;
    f = &d->files[d->nfiles];
    if (!(f->file = strdup(file)))
        return NULL;
    f->recorded = f->dropped = 0;
    d->nfiles++;
    return f;
}

int tdkt_diags_add(tdkt_diags *d, const char *file, long line,
                   const char *column, const char *fmt, ...)
{
    size_t limit = d->limit ? d->limit : 1000;
    tdkt_diag_file *per = NULL;
    if (d->per_file && !(per = file_counts(d, file)))
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    if (d->count >= limit || (per && per->recorded >= d->per_file)) {
        d->dropped++;
        if (per)
            per->dropped++;
        return TDKT_OK;
    }
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        tdkt_diag *items = realloc(d->items, cap * sizeof *items);
        if (!items)
            return tdkt_error_set(TDKT_ENOMEM, "out of memory");
        d->items = items;
        d->cap = cap;
    }
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    tdkt_diag *it = &d->items[d->count];
    it->file = dup_or_empty(file);
    it->column = dup_or_empty(column);
    it->message = strdup(msg);
    it->line = line;
    if (!it->file || !it->column || !it->message) {
        free(it->file);
        free(it->column);
        free(it->message);
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    }
    d->count++;
    if (per)
        per->recorded++;
    return TDKT_OK;
}

void tdkt_diags_clear(tdkt_diags *d)
{
    for (size_t i = 0; i < d->count; i++) {
        free(d->items[i].file);
        free(d->items[i].column);
        free(d->items[i].message);
    }
    free(d->items);
    d->items = NULL;
    for (size_t i = 0; i < d->nfiles; i++)
        free(d->files[i].file);
    free(d->files);
    d->files = NULL;
    d->count = d->cap = d->dropped = d->nfiles = 0;
}
