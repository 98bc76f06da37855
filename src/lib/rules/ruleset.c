/*
 * Rule sets on disk: discovery, manifests, inheritance, parameters, the
 * audit hash, and the choice of the set in force on a date.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sha2.h>
#include <lauxlib.h>

#include "rules/rules_internal.h"
#include "core/msg.h"

int rt_new_bare(rt **out, const rt_limits *limits);
int rt_load_chunk(lua_State *L, const char *buf, size_t len,
                  const char *chunkname);
void rt_set_global(lua_State *L, const char *name);

#define MAX_CHAIN 16

/* ------------------------------------------------------------- files */

char *rs_read_file(const char *path, size_t *len, size_t max);
char *rs_read_file(const char *path, size_t *len, size_t max)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        tdkt_error_set(e == ENOMEM ? TDKT_ENOMEM : TDKT_ERULE, "%s: %s", path,
                       tdkt_os_error(e, tdkt_message_lang()));
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            if (cap >= max) {
                free(buf);
                fclose(f);
                tdkt_error_set(TDKT_ERULE,
                               TDKT_MSG("%s: lớn hơn %zu byte",
                                        "%s: larger than %zu bytes"),
                               path, max);
                return NULL;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    if (!buf) {
        tdkt_error_set(TDKT_ENOMEM, "out of memory");
        return NULL;
    }
    *len = n;
    return buf;
}

/* "@path", shortened from the left when Lua would cut it (LUA_IDSIZE). */
void rs_chunkname(char *buf, size_t n, const char *path);
void rs_chunkname(char *buf, size_t n, const char *path)
{
    size_t len = strlen(path);
    const char *p = path;
    if (len > LUA_IDSIZE - 2) {
        /* keep the last path components that fit */
        p = path + len - (LUA_IDSIZE - 2);
        const char *slash = strchr(p, '/');
        if (slash)
            p = slash + 1;
    }
    snprintf(buf, n, "@%s", p);
}

static char *path_join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", a, b);
    return p;
}

static bool is_file(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A rule file or folder that is a symbolic link: refused. */
static int symlink_error(const char *path)
{
    return tdkt_error_set(TDKT_ERULE,
                          TDKT_MSG("%s: là liên kết tượng trưng (symlink); "
                                   "các tệp quy tắc phải là tệp thường nằm "
                                   "trong bộ quy tắc",
                                   "%s: a symbolic link; rule files must be "
                                   "plain files inside the rule set"),
                          path);
}

/* The *.lua files of dir/sub, sorted; none is fine. Symlinks that leave
 * the set's folder are refused: a manifest may not reach other files. */
static int list_lua(const char *dir, const char *sub, char ***out,
                    size_t *n)
{
    *out = NULL;
    *n = 0;
    char *d = path_join(dir, sub);
    if (!d)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    struct stat dsb;
    if (lstat(d, &dsb) == 0 && S_ISLNK(dsb.st_mode)) {
        int e = symlink_error(d);
        free(d);
        return e;
    }
    DIR *dh = opendir(d);
    if (!dh) {
        /* No such folder is no files; no memory is not. */
        int e = errno == ENOMEM ? tdkt_error_set(TDKT_ENOMEM, "out of memory")
                                : TDKT_OK;
        free(d);
        return e;
    }
    size_t cap = 0;
    struct dirent *e;
    int error = TDKT_OK;
    while ((e = readdir(dh)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".lua") != 0 ||
            e->d_name[0] == '.')
            continue;
        char *p = path_join(d, e->d_name);
        if (!p) {
            error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
            break;
        }
        struct stat lsb;
        if (lstat(p, &lsb) == 0 && S_ISLNK(lsb.st_mode)) {
            error = symlink_error(p);
            free(p);
            break;
        }
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            char **nl = realloc(*out, cap * sizeof *nl);
            if (!nl) {
                free(p);
                error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
                break;
            }
            *out = nl;
        }
        (*out)[(*n)++] = p;
    }
    closedir(dh);
    free(d);
    if (*n)
        qsort(*out, *n, sizeof **out, cmp_str);
    return error;
}

/* ---------------------------------------------------------- manifest */

static const char MANIFEST_KEY = 'M';

void rt_require_plain(lua_State *L, int idx, int depth);

/* The fields of a manifest: one misspelt (`extend`, `effective_form`)
 * would otherwise be ignored, and the set load without it. */
static const char *const manifest_fields[] = {
    "id",           "title",   "basis",   "effective_from",
    "effective_to", "extends", "caveats", "params",
    NULL};

static int manifest_fn(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    rt_require_plain(L, 1, 0);
    rt_refuse_unknown_fields(L, 1, "ruleset", manifest_fields, false);
    lua_Debug ar;
    int line = 0;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar))
        line = ar.currentline;
    lua_pushinteger(L, line);
    lua_setfield(L, 1, "__line");
    lua_pushvalue(L, 1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &MANIFEST_KEY);
    return 0;
}

/* A copy of string field `name` of the table at idx, or NULL when it has
 * none (no memory raises, under rt_protected). */
static char *opt_str(rt *r, int idx, const char *name)
{
    lua_State *L = r->L;
    lua_getfield(L, idx, name);
    const char *s = lua_isstring(L, -1) ? lua_tostring(L, -1) : NULL;
    char *d = s ? rt_strdup(r, s) : NULL;
    lua_pop(L, 1);
    return d;
}

static void param_free(rule_param *p)
{
    free(p->name);
    free(p->str);
    free(p->text);
    free(p->origin);
}

static int param_from_lua(rule_param *p, const char *name, lua_State *L,
                          int idx, const char *origin)
{
    memset(p, 0, sizeof *p);
    int t = lua_type(L, idx);
    char text[64];
    if (t == LUA_TNUMBER) {
        p->num = lua_tonumber(L, idx);
        snprintf(text, sizeof text, "%.14g", p->num);
    } else if (t == LUA_TBOOLEAN) {
        p->num = lua_toboolean(L, idx);
        snprintf(text, sizeof text, "%s", p->num ? "true" : "false");
    } else if (t == LUA_TSTRING) {
        if (!(p->str = strdup(lua_tostring(L, idx))))
            return -2; /* no memory for the copy */
    } else {
        return -1;
    }
    p->type = t;
    p->name = strdup(name);
    p->text = strdup(t == LUA_TSTRING ? p->str : text);
    p->origin = strdup(origin);
    if (!p->name || !p->text || !p->origin) {
        param_free(p);
        return -2;
    }
    return 0;
}

/* A rule set id is a relative path of plain names ("kontum/qd29-2018"):
 * no empty, "." or ".." part, nothing absolute, so that `extends` cannot
 * reach a folder outside the rules root. */
static bool valid_id(const char *id)
{
    if (!id || !*id || id[0] == '/')
        return false;
    const char *p = id;
    while (*p) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (n == 0 || (n == 1 && p[0] == '.') ||
            (n == 2 && p[0] == '.' && p[1] == '.'))
            return false;
        for (size_t i = 0; i < n; i++)
            if (p[i] == '\\' || (unsigned char)p[i] < 0x20)
                return false;
        p += n;
        if (*p == '/')
            p++;
        if (slash && !*p)
            return false; /* trailing slash */
    }
    return true;
}

/* The manifest file, read by the host, and the set it describes. */
typedef struct manifest_job {
    tdkt_ruleset *rs;
    const char *buf;
    size_t len;
} manifest_job;

/* The line of a field of the manifest's table (with @p sub: of field sub
 * of key's table), else the line of `ruleset {`. */
static int manifest_field_line(const manifest_job *job, const char *key,
                               const char *sub)
{
    int line = rt_field_line(job->buf, job->len, job->rs->manifest_line, key,
                             sub);
    return line ? line : job->rs->manifest_line;
}

/* Run the manifest and read its table into the set (under rt_protected:
 * what it mallocs goes straight into the set, freed with it). */
static int read_manifest(rt *r, void *ud)
{
    manifest_job *job = ud;
    tdkt_ruleset *rs = job->rs;
    lua_State *L = r->L;
    lua_pushcfunction(L, manifest_fn);
    rt_set_global(L, "ruleset");
    char chunk[512];
    rs_chunkname(chunk, sizeof chunk, rs->manifest);
    rt_arm(r);
    int status = rt_load_chunk(L, job->buf, job->len, chunk);
    /* ruleset { … } finds the lines of fields in the text */
    r->src = job->buf;
    r->src_len = job->len;
    r->src_chunk = chunk;
    if (status == LUA_OK)
        status = rt_pcall(r, 0, 0);
    r->src = r->src_chunk = NULL;
    bool killed = rt_disarm(r);
    if (status != LUA_OK) {
        /* A message without a place (a binary chunk, error("…", 0), the
         * memory cap) names the manifest. */
        const char *msg = killed ? r->kill_msg : lua_tostring(L, -1);
        return rt_lua_error(r, rt_lua_placed(msg) ? NULL : rs->manifest,
                            msg);
    }
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &MANIFEST_KEY) != LUA_TTABLE)
        return tdkt_error_set(TDKT_ERULE,
                              TDKT_MSG("%s:1: tệp khai báo không có "
                                       "ruleset { … }",
                                       "%s:1: no ruleset { … } in the "
                                       "manifest"),
                              rs->manifest);
    int m = lua_gettop(L);
    lua_getfield(L, m, "__line");
    rs->manifest_line = (int)lua_tointeger(L, -1);
    lua_pop(L, 1);
    rs->id_line = manifest_field_line(job, "id", NULL);
    rs->extends_line = manifest_field_line(job, "extends", NULL);
    rs->from_line = manifest_field_line(job, "effective_from", NULL);
    rs->to_line = manifest_field_line(job, "effective_to", NULL);
    rs->id = opt_str(r, m, "id");
    rs->basis = opt_str(r, m, "basis");
    rs->parent_id = opt_str(r, m, "extends");
    if (lua_getfield(L, m, "title") == LUA_TTABLE) {
        rs->title_vi = opt_str(r, -1, "vi");
        rs->title_en = opt_str(r, -1, "en");
    } else if (lua_isstring(L, -1)) {
        rs->title_vi = rt_strdup(r, lua_tostring(L, -1));
    }
    lua_pop(L, 1);
    if (!rs->title_en && rs->title_vi)
        rs->title_en = rt_strdup(r, rs->title_vi);
    /* the dates stay on the stack while they are read */
    lua_getfield(L, m, "effective_from");
    lua_getfield(L, m, "effective_to");
    const char *from = lua_isstring(L, -2) ? lua_tostring(L, -2) : NULL;
    const char *to = lua_isstring(L, -1) ? lua_tostring(L, -1) : NULL;
    /* The field at fault, its line, and the value it has (NULL: none) */
    const char *bad = NULL, *value = NULL;
    int line = rs->manifest_line;
    if (!valid_id(rs->id)) {
        bad = TDKT_MSG("id (đường dẫn gồm các tên thư mục thông thường, ví "
                       "dụ \"kontum/qd29-2018\")",
                       "id (a path of plain names, e.g. "
                       "\"kontum/qd29-2018\")");
        value = rs->id;
        line = rs->id_line;
    } else if (rs->parent_id && !valid_id(rs->parent_id)) {
        bad = TDKT_MSG("extends (mã của một bộ quy tắc trong cùng thư mục "
                       "quy tắc)",
                       "extends (a rule set id under the same rules "
                       "folder)");
        value = rs->parent_id;
        line = rs->extends_line;
    } else if (!rs->title_vi) {
        bad = "title";
    } else if (!rs->basis) {
        bad = "basis";
    } else if (!from || tdkt_date_parse(&rs->from, from) < 0) {
        bad = "effective_from (YYYY-MM-DD)";
        value = from;
        line = rs->from_line;
    } else if (to && tdkt_date_parse(&rs->to, to) < 0) {
        bad = "effective_to (YYYY-MM-DD)";
        value = to;
        line = rs->to_line;
    }
    if (bad) {
        char refused[256] = "";
        if (value)
            snprintf(refused, sizeof refused,
                     TDKT_MSG(", không phải '%s'", ", not '%s'"), value);
        return tdkt_error_set(TDKT_ERULE,
                              TDKT_MSG("%s:%d: tệp khai báo cần giá trị hợp "
                                       "lệ cho %s%s",
                                       "%s:%d: the manifest needs a "
                                       "valid %s%s"),
                              rs->manifest, line, bad, refused);
    }
    lua_pop(L, 2);
    if (rs->to && rs->to < rs->from)
        return tdkt_error_set(TDKT_ERULE,
                              TDKT_MSG("%s:%d: effective_to sớm hơn "
                                       "effective_from",
                                       "%s:%d: effective_to is before "
                                       "effective_from"),
                              rs->manifest, rs->to_line);
    if (lua_getfield(L, m, "caveats") == LUA_TTABLE) {
        size_t n = lua_rawlen(L, -1);
        rs->caveats = calloc(n ? n : 1, sizeof *rs->caveats);
        if (!rs->caveats)
            return tdkt_error_set(TDKT_ENOMEM, "out of memory");
        for (size_t i = 0; i < n; i++) {
            lua_rawgeti(L, -1, (lua_Integer)i + 1);
            if (lua_isstring(L, -1)) {
                rs->caveats[rs->ncaveats] = rt_strdup(r, lua_tostring(L, -1));
                rs->ncaveats++;
            }
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    if (lua_getfield(L, m, "params") != LUA_TTABLE)
        return TDKT_OK;
    size_t cap = 0;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        if (lua_type(L, -2) != LUA_TSTRING)
            return tdkt_error_set(TDKT_ERULE,
                                  TDKT_MSG("%s:%d: tên tham số phải là "
                                           "chuỗi ký tự",
                                           "%s:%d: parameter names "
                                           "are strings"),
                                  rs->manifest,
                                  manifest_field_line(job, "params", NULL));
        if (rs->nparams == cap) {
            cap = cap ? cap * 2 : 16;
            rule_param *np = realloc(rs->params, cap * sizeof *np);
            if (!np)
                return tdkt_error_set(TDKT_ENOMEM, "out of memory");
            rs->params = np;
        }
        const char *name = lua_tostring(L, -2);
        int pline = manifest_field_line(job, "params", name);
        int rc = param_from_lua(&rs->params[rs->nparams], name, L, -1,
                                rs->id);
        if (rc == -2)
            return tdkt_error_set(TDKT_ENOMEM, "out of memory");
        if (rc < 0)
            return tdkt_error_set(TDKT_ERULE,
                                  TDKT_MSG("%s:%d: tham số '%s' phải là "
                                           "số, văn bản hoặc true/false",
                                           "%s:%d: parameter '%s' "
                                           "must be a number, text "
                                           "or true/false"),
                                  rs->manifest, pline, name);
        rs->params[rs->nparams].line = pline;
        rs->nparams++;
        lua_pop(L, 1);
    }
    /* Deterministic order for listings and merging. */
    for (size_t i = 1; i < rs->nparams; i++)
        for (size_t j = i; j > 0 && strcmp(rs->params[j - 1].name,
                                           rs->params[j].name) > 0;
             j--) {
            rule_param t = rs->params[j];
            rs->params[j] = rs->params[j - 1];
            rs->params[j - 1] = t;
        }
    return TDKT_OK;
}

static int load_manifest(tdkt_ruleset *rs)
{
    manifest_job job = {rs, NULL, 0};
    char *buf = rs_read_file(rs->manifest, &job.len, 1u << 20);
    if (!buf)
        return tdkt_error_last()->code;
    job.buf = buf;
    rs->manifest_src = buf; /* kept for the hash: rs_free */
    rs->manifest_len = job.len;
    rt_limits lim;
    rt_default_limits(&lim);
    rt *r = NULL;
    int error = rt_new_bare(&r, &lim);
    if (error == TDKT_OK)
        error = rt_protected(r, read_manifest, &job);
    rt_free(r);
    return error;
}

/* --------------------------------------------------------- parameters */

static rule_param *find_merged(tdkt_ruleset *rs, const char *name)
{
    for (size_t i = 0; i < rs->nmerged; i++)
        if (strcmp(rs->merged[i].name, name) == 0)
            return &rs->merged[i];
    return NULL;
}

int rs_param_put(tdkt_ruleset *rs, const char *name, lua_State *L, int idx,
                 const char *origin, bool must_exist)
{
    rule_param np;
    int rc = param_from_lua(&np, name, L, idx, origin);
    if (rc == -2)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    if (rc < 0)
        return tdkt_error_set(TDKT_ERULE,
                              TDKT_MSG("%s: tham số '%s' phải là số, văn "
                                       "bản hoặc true/false",
                                       "%s: parameter '%s' must be a "
                                       "number, text or true/false"),
                              origin, name);
    rule_param *old = find_merged(rs, name);
    if (!old && must_exist) {
        param_free(&np);
        return tdkt_error_set(TDKT_ERULE,
                              TDKT_MSG("không có tham số '%s'",
                                       "unknown parameter '%s'"),
                              name);
    }
    if (old) {
        param_free(old);
        *old = np;
        return TDKT_OK;
    }
    rule_param *m = realloc(rs->merged, (rs->nmerged + 1) * sizeof *m);
    if (!m) {
        param_free(&np);
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    }
    rs->merged = m;
    rs->merged[rs->nmerged++] = np;
    return TDKT_OK;
}

static int copy_param(tdkt_ruleset *rs, const rule_param *p, bool must_exist)
{
    rule_param *old = find_merged(rs, p->name);
    if (!old && must_exist)
        return tdkt_error_set(TDKT_ERULE,
                              TDKT_MSG("%s:%d: tham số '%s' không thay thế "
                                       "tham số nào: các bộ quy tắc mà bộ "
                                       "này kế thừa không có tham số đó",
                                       "%s:%d: parameter '%s' overrides "
                                       "nothing: the rule sets it extends "
                                       "have no such parameter"),
                              rs->manifest, p->line, p->name);
    rule_param np = {0};
    np.line = p->line;
    np.name = strdup(p->name);
    np.type = p->type;
    np.num = p->num;
    np.str = p->str ? strdup(p->str) : NULL;
    np.text = strdup(p->text);
    np.origin = strdup(p->origin);
    if (!np.name || !np.text || !np.origin || (p->str && !np.str)) {
        param_free(&np);
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    }
    if (old) {
        param_free(old);
        *old = np;
        return TDKT_OK;
    }
    rule_param *m = realloc(rs->merged, (rs->nmerged + 1) * sizeof *m);
    if (!m) {
        param_free(&np);
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    }
    rs->merged = m;
    rs->merged[rs->nmerged++] = np;
    return TDKT_OK;
}

static int chain_of(const tdkt_ruleset *rs, const tdkt_ruleset **chain)
{
    int n = 0;
    for (const tdkt_ruleset *s = rs; s && n < MAX_CHAIN; s = s->parent)
        chain[n++] = s;
    return n;
}

/* Step one: the set-wide parameters of the chain, ancestor first. */
static int params_setwide(tdkt_ruleset *rs)
{
    const tdkt_ruleset *chain[MAX_CHAIN];
    int n = chain_of(rs, chain);
    for (int i = n - 1; i >= 0; i--)
        for (size_t k = 0; k < chain[i]->nparams; k++) {
            const rule_param *p = &chain[i]->params[k];
            if (strchr(p->name, '.'))
                continue;
            int error = copy_param(rs, p, i < n - 1 && false);
            if (error < 0)
                return error;
            /* A child may only change what its ancestors define. */
            if (i < n - 1) {
                bool known = false;
                for (int j = i + 1; j < n && !known; j++)
                    for (size_t q = 0; q < chain[j]->nparams && !known; q++)
                        known = strcmp(chain[j]->params[q].name, p->name) == 0;
                if (!known)
                    return tdkt_error_set(
                        TDKT_ERULE,
                        TDKT_MSG("%s:%d: tham số '%s' không thay thế tham "
                                 "số nào: các bộ quy tắc mà bộ này kế thừa "
                                 "không có tham số đó",
                                 "%s:%d: parameter '%s' overrides nothing: "
                                 "the rule sets it extends have no such "
                                 "parameter"),
                        chain[i]->manifest, p->line, p->name);
            }
        }
    return TDKT_OK;
}

int rs_params_finish(tdkt_ruleset *rs)
{
    const tdkt_ruleset *chain[MAX_CHAIN];
    int n = chain_of(rs, chain);
    for (int i = n - 1; i >= 0; i--)
        for (size_t k = 0; k < chain[i]->nparams; k++) {
            const rule_param *p = &chain[i]->params[k];
            if (!strchr(p->name, '.'))
                continue;
            if (!find_merged(rs, p->name))
                return tdkt_error_set(
                    TDKT_ERULE,
                    TDKT_MSG("%s:%d: tham số '%s' không thay thế tham số "
                             "nào: không hình thức nào khai báo tham số này",
                             "%s:%d: parameter '%s' overrides nothing: no "
                             "form declares it"),
                    chain[i]->manifest, p->line, p->name);
            int error = copy_param(rs, p, true);
            if (error < 0)
                return error;
        }
    for (size_t i = 0; i < rs->nforms; i++) {
        const tdkt_form *f = &rs->forms[i];
        if (f->quota < 0)
            continue;
        const rule_param *p = rs_param(
            rs, tdkt_vocab_code(TDKT_V_AWARD, f->award), f->quota_rate);
        if (!p || p->type != LUA_TNUMBER)
            return tdkt_error_set(TDKT_ERULE,
                                  TDKT_MSG("%s:%d: quota: rate '%s' không "
                                           "phải tham số kiểu số của hình "
                                           "thức '%s'",
                                           "%s:%d: quota: rate '%s' is not "
                                           "a number parameter of form "
                                           "'%s'"),
                                  f->nodes[f->quota].file,
                                  f->nodes[f->quota].line, f->quota_rate,
                                  tdkt_vocab_code(TDKT_V_AWARD, f->award));
    }
    /* Listings read better sorted. */
    for (size_t i = 1; i < rs->nmerged; i++)
        for (size_t j = i;
             j > 0 && strcmp(rs->merged[j - 1].name, rs->merged[j].name) > 0;
             j--) {
            rule_param t = rs->merged[j];
            rs->merged[j] = rs->merged[j - 1];
            rs->merged[j - 1] = t;
        }
    return TDKT_OK;
}

const rule_param *rs_param(const tdkt_ruleset *rs, const char *form_code,
                           const char *name)
{
    char full[160];
    snprintf(full, sizeof full, "%s.%s", form_code ? form_code : "", name);
    const rule_param *setwide = NULL;
    for (size_t i = 0; i < rs->nmerged; i++) {
        if (form_code && strcmp(rs->merged[i].name, full) == 0)
            return &rs->merged[i];
        if (strcmp(rs->merged[i].name, name) == 0)
            setwide = &rs->merged[i];
    }
    return setwide;
}

/* --------------------------------------------------------------- sets */

static void form_free(tdkt_form *f)
{
    for (int i = 0; i < f->nnodes; i++) {
        rule_node *n = &f->nodes[i];
        free(n->id);
        free(n->basis);
        free(n->status);
        free(n->vi);
        free(n->en);
        free(n->file);
        free(n->children);
    }
    free(f->nodes);
    free(f->top);
    free(f->name_vi);
    free(f->name_en);
    free(f->basis);
    free(f->file);
    free(f->quota_rate);
}

static void ruleset_free(tdkt_ruleset *rs)
{
    if (!rs)
        return;
    free(rs->id);
    free(rs->dir);
    free(rs->root);
    free(rs->manifest);
    free(rs->title_vi);
    free(rs->title_en);
    free(rs->basis);
    free(rs->parent_id);
    for (size_t i = 0; i < rs->ncaveats; i++)
        free(rs->caveats[i]);
    free(rs->caveats);
    for (size_t i = 0; i < rs->nparams; i++)
        param_free(&rs->params[i]);
    free(rs->params);
    for (size_t i = 0; i < rs->nmerged; i++)
        param_free(&rs->merged[i]);
    free(rs->merged);
    for (size_t i = 0; i < rs->nfiles; i++)
        free(rs->files[i]);
    free(rs->files);
    for (size_t i = 0; rs->sources && i < rs->nfiles; i++)
        free(rs->sources[i]);
    free(rs->sources);
    free(rs->source_lens);
    free(rs->manifest_src);
    for (size_t i = 0; i < rs->ntests; i++)
        free(rs->tests[i]);
    free(rs->tests);
    for (size_t i = 0; i < rs->nforms; i++)
        form_free(&rs->forms[i]);
    free(rs->forms);
    free(rs);
}

/* The form files' bytes, once (rules_internal.h: sources). */
static int read_sources(tdkt_ruleset *rs)
{
    rs->sources = calloc(rs->nfiles ? rs->nfiles : 1, sizeof *rs->sources);
    rs->source_lens =
        calloc(rs->nfiles ? rs->nfiles : 1, sizeof *rs->source_lens);
    if (!rs->sources || !rs->source_lens)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    for (size_t k = 0; k < rs->nfiles; k++)
        if (!(rs->sources[k] =
                  rs_read_file(rs->files[k], &rs->source_lens[k], 1u << 20)))
            return tdkt_error_last()->code; /* set by rs_read_file */
    return TDKT_OK;
}

static char *strip_slashes(const char *p)
{
    char *d = strdup(p);
    if (!d)
        return NULL;
    size_t n = strlen(d);
    while (n > 1 && d[n - 1] == '/')
        d[--n] = '\0';
    return d;
}

/* Load the manifest and file lists of the set in folder `dir`. */
static int load_set(tdkt_rules *rules, const char *dir, tdkt_ruleset **out)
{
    *out = NULL;
    tdkt_ruleset *rs = calloc(1, sizeof *rs);
    if (!rs)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    rs->owner = rules;
    int error = TDKT_OK;
    if (!(rs->dir = strip_slashes(dir)) ||
        !(rs->manifest = path_join(rs->dir, "ruleset.lua"))) {
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        goto done;
    }
    struct stat msb;
    if (lstat(rs->manifest, &msb) == 0 && S_ISLNK(msb.st_mode)) {
        error = symlink_error(rs->manifest);
        goto done;
    }
    if (!is_file(rs->manifest)) {
        error = tdkt_error_set(TDKT_ENOTFOUND, "%s: %s", rs->dir,
                               TDKT_MSG("không phải bộ quy tắc (không có "
                                        "ruleset.lua)",
                                        "not a rule set (no ruleset.lua)"));
        goto done;
    }
    if ((error = load_manifest(rs)) < 0)
        goto done;
    /* The id is the folder's path under the rules root. */
    size_t dl = strlen(rs->dir), il = strlen(rs->id);
    if (il > dl || strcmp(rs->dir + dl - il, rs->id) != 0 ||
        (dl > il && rs->dir[dl - il - 1] != '/')) {
        error = tdkt_error_set(TDKT_ERULE,
                               TDKT_MSG("%s:%d: id '%s' không khớp với thư "
                                        "mục (mã của một bộ quy tắc là "
                                        "đường dẫn của nó trong thư mục quy "
                                        "tắc)",
                                        "%s:%d: id '%s' does not match the "
                                        "folder (a set's id is its path "
                                        "under the rules folder)"),
                               rs->manifest, rs->id_line, rs->id);
        goto done;
    }
    rs->root = dl > il ? strndup(rs->dir, dl - il - 1) : strdup(".");
    if (!rs->root) {
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        goto done;
    }
    if ((error = list_lua(rs->dir, "forms", &rs->files, &rs->nfiles)) < 0 ||
        (error = list_lua(rs->dir, "tests", &rs->tests, &rs->ntests)) < 0 ||
        (error = read_sources(rs)) < 0)
        goto done;
done:
    if (error < 0) {
        ruleset_free(rs);
        return error;
    }
    *out = rs;
    return TDKT_OK;
}

static int add_set(tdkt_rules *rules, tdkt_ruleset *rs)
{
    tdkt_ruleset **s =
        realloc(rules->sets, (rules->nsets + 1) * sizeof *rules->sets);
    if (!s)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    rules->sets = s;
    rs->index = rules->nsets;
    rules->sets[rules->nsets++] = rs;
    return TDKT_OK;
}

tdkt_ruleset *rs_find(const tdkt_rules *rules, const char *id)
{
    for (size_t i = 0; id && i < rules->nsets; i++)
        if (strcmp(rules->sets[i]->id, id) == 0)
            return rules->sets[i];
    return NULL;
}

/* Find rule set folders under dir (depth ≤ 3), sorted. */
static int scan(const char *dir, int depth, char ***out, size_t *n,
                size_t *cap)
{
    char *m = path_join(dir, "ruleset.lua");
    if (!m)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    bool here = is_file(m);
    free(m);
    if (here) {
        if (*n == *cap) {
            *cap = *cap ? *cap * 2 : 8;
            char **nl = realloc(*out, *cap * sizeof *nl);
            if (!nl)
                return tdkt_error_set(TDKT_ENOMEM, "out of memory");
            *out = nl;
        }
        if (!((*out)[*n] = strip_slashes(dir)))
            return tdkt_error_set(TDKT_ENOMEM, "out of memory");
        (*n)++;
        return TDKT_OK;
    }
    if (depth >= 3)
        return TDKT_OK;
    DIR *dh = opendir(dir);
    if (!dh) /* not a folder is no sets; no memory is not */
        return errno == ENOMEM ? tdkt_error_set(TDKT_ENOMEM, "out of memory")
                               : TDKT_OK;
    struct dirent *e;
    int error = TDKT_OK;
    while (error == TDKT_OK && (e = readdir(dh)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *sub = path_join(dir, e->d_name);
        if (!sub) {
            error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
            break;
        }
        struct stat sb;
        if (stat(sub, &sb) == 0 && S_ISDIR(sb.st_mode))
            error = scan(sub, depth + 1, out, n, cap);
        free(sub);
    }
    closedir(dh);
    return error;
}

static bool is_ancestor(const tdkt_ruleset *a, const tdkt_ruleset *b)
{
    for (const tdkt_ruleset *s = b->parent; s; s = s->parent)
        if (s == a)
            return true;
    return false;
}

static size_t jur_len(const char *id)
{
    const char *slash = strchr(id, '/');
    return slash ? (size_t)(slash - id) : strlen(id);
}

/* tdkt_rules_set_parent_roots(): copies, set before any rules open. */
enum { MAX_PARENT_ROOTS = 4 };
static char *parent_roots[MAX_PARENT_ROOTS];
static size_t nparent_roots;

int tdkt_rules_set_parent_roots(const char *const *roots, size_t n)
{
    if (n > MAX_PARENT_ROOTS)
        n = MAX_PARENT_ROOTS;
    char *copy[MAX_PARENT_ROOTS] = {0};
    for (size_t i = 0; i < n; i++)
        if (!(copy[i] = strip_slashes(roots[i]))) {
            for (size_t k = 0; k < i; k++)
                free(copy[k]);
            return tdkt_error_set(TDKT_ENOMEM, "out of memory");
        }
    for (size_t i = 0; i < nparent_roots; i++)
        free(parent_roots[i]);
    memcpy(parent_roots, copy, sizeof copy);
    nparent_roots = n;
    return TDKT_OK;
}

/* Load @p rs's parent: from its own rules root, else from the parent
 * roots in order (the first that holds a set of that id). */
static int load_parent(tdkt_rules *rules, const tdkt_ruleset *rs,
                       tdkt_ruleset **out)
{
    const char *roots[1 + MAX_PARENT_ROOTS] = {rs->root};
    size_t n = 1;
    for (size_t i = 0; i < nparent_roots; i++) {
        bool seen = false;
        for (size_t k = 0; k < n && !seen; k++)
            seen = strcmp(roots[k], parent_roots[i]) == 0;
        if (!seen)
            roots[n++] = parent_roots[i];
    }
    for (size_t i = 0; i < n; i++) {
        char *dir = path_join(roots[i], rs->parent_id);
        if (!dir)
            return tdkt_error_set(TDKT_ENOMEM, "out of memory");
        int error = load_set(rules, dir, out);
        free(dir);
        if (error != TDKT_ENOTFOUND)
            return error;
    }
    char looked[1024] = "";
    size_t len = 0;
    for (size_t i = 0; i < n && len < sizeof looked; i++)
        len += (size_t)snprintf(looked + len, sizeof looked - len, "%s%s",
                                i ? ", " : "", roots[i]);
    return tdkt_error_set(TDKT_ERULE,
                          TDKT_MSG("%s:%d: extends: không có bộ quy tắc '%s' "
                                   "(đã tìm trong %s)",
                                   "%s:%d: extends unknown rule set '%s' "
                                   "(looked in %s)"),
                          rs->manifest, rs->extends_line, rs->parent_id,
                          looked);
}

static int resolve_parents(tdkt_rules *rules)
{
    for (size_t i = 0; i < rules->nsets; i++) { /* nsets grows */
        tdkt_ruleset *rs = rules->sets[i];
        if (!rs->parent_id)
            continue;
        tdkt_ruleset *p = rs_find(rules, rs->parent_id);
        if (!p) {
            int error = load_parent(rules, rs, &p);
            if (error < 0 || (error = add_set(rules, p)) < 0) {
                ruleset_free(p);
                return error;
            }
        }
        rs->parent = p;
    }
    /* Cycles: a chain longer than the number of sets loops. */
    for (size_t i = 0; i < rules->nsets; i++) {
        size_t n = 0;
        for (const tdkt_ruleset *s = rules->sets[i]; s; s = s->parent)
            if (++n > rules->nsets || n > MAX_CHAIN)
                return tdkt_error_set(TDKT_ERULE,
                                      TDKT_MSG("%s:%d: 'extends' tạo thành "
                                               "vòng lặp (hoặc chuỗi kế thừa "
                                               "sâu hơn %d cấp)",
                                               "%s:%d: 'extends' makes a "
                                               "cycle (or a chain deeper "
                                               "than %d)"),
                                      rules->sets[i]->manifest,
                                      rules->sets[i]->extends_line,
                                      MAX_CHAIN);
    }
    /* Duplicate ids. */
    for (size_t i = 0; i < rules->nsets; i++)
        for (size_t j = i + 1; j < rules->nsets; j++) {
            tdkt_ruleset *a = rules->sets[i], *b = rules->sets[j];
            if (strcmp(a->id, b->id) == 0)
                return tdkt_error_set(TDKT_ERULE,
                                      TDKT_MSG("%s:%d: mã bộ quy tắc '%s' "
                                               "cũng được dùng ở %s",
                                               "%s:%d: rule set id '%s' is "
                                               "also used by %s"),
                                      b->manifest, b->id_line, b->id,
                                      a->manifest);
        }
    return TDKT_OK;
}

/* "từ 2024-11-08 đến 2025-12-31", "from 2026-01-01 (open-ended)" */
static void span_text(char *buf, size_t n, const tdkt_ruleset *rs)
{
    char from[16], to[16];
    tdkt_date_format(from, rs->from);
    if (rs->to) {
        tdkt_date_format(to, rs->to);
        snprintf(buf, n, TDKT_MSG("từ %s đến %s", "from %s to %s"), from,
                 to);
    } else {
        snprintf(buf, n,
                 TDKT_MSG("từ %s (không thời hạn)", "from %s (open-ended)"),
                 from);
    }
}

/* Whether a and b, of one jurisdiction, are in force on a common date
 * while neither extends the other (an amendment may overlap the set it
 * amends: from its own date it is the more specific, and is chosen). */
static bool overlap(const tdkt_ruleset *a, const tdkt_ruleset *b)
{
    size_t la = jur_len(a->id), lb = jur_len(b->id);
    if (la != lb || strncmp(a->id, b->id, la) != 0 || is_ancestor(a, b) ||
        is_ancestor(b, a))
        return false;
    tdkt_date aend = a->to ? a->to : 99991231;
    tdkt_date bend = b->to ? b->to : 99991231;
    return a->from <= bend && b->from <= aend;
}

/* What an overlap of @p a with @p b says, after a's manifest and the line
 * of its effective_from: both sets, their files and their dates (either
 * may be the one to change). */
static void overlap_text(char *buf, size_t n, const tdkt_ruleset *a,
                         const tdkt_ruleset *b)
{
    char sa[64], sb[64];
    span_text(sa, sizeof sa, a);
    span_text(sb, sizeof sb, b);
    snprintf(buf, n,
             TDKT_MSG("có hiệu lực %s, trùng ngày với %s (%s:%d, %s): "
                      "trong một phạm vi áp dụng, mỗi ngày chỉ có một bộ "
                      "quy tắc; một bộ sửa đổi thì kế thừa (extends) bộ mà "
                      "nó sửa đổi",
                      "in force %s, on dates that %s also covers (%s:%d, "
                      "%s): one jurisdiction, one set per date; an "
                      "amendment extends the set it amends"),
             sa, b->id, b->manifest, b->to ? b->to_line : b->from_line, sb);
}

/* Two sets of one jurisdiction in force on one date: no set could be
 * chosen by date. With @p diags, each pair is added there (the one of
 * them that is @p first named first) and counted in *found; without,
 * the first is the error. */
static int check_overlaps(const tdkt_rules *rules, const tdkt_ruleset *first,
                          tdkt_diags *diags, size_t *found)
{
    for (size_t i = 0; i < rules->nsets; i++)
        for (size_t j = i + 1; j < rules->nsets; j++) {
            const tdkt_ruleset *a = rules->sets[i], *b = rules->sets[j];
            if (!overlap(a, b))
                continue;
            /* the set checked, else the later one, is named first */
            if (b == first || (a != first && b->from > a->from)) {
                const tdkt_ruleset *t = a;
                a = b;
                b = t;
            }
            char text[1024];
            overlap_text(text, sizeof text, a, b);
            if (!diags)
                return tdkt_error_set(TDKT_ERULE, "%s:%d: %s", a->manifest,
                                      a->from_line, text);
            int error = tdkt_diags_add(diags, a->manifest, a->from_line,
                                       NULL, "%s", text);
            if (error < 0)
                return error;
            (*found)++;
        }
    return TDKT_OK;
}

/* The audit hash: every file of the set and its ancestors, each preceded
 * by its path under the rules root, so renames change it too. Reading the
 * form files, it also notes whether any names meets(). */
static int compute_hash(tdkt_ruleset *rs)
{
    SHA2_CTX ctx;
    SHA256Init(&ctx);
    const tdkt_ruleset *chain[MAX_CHAIN];
    int n = chain_of(rs, chain);
    for (int i = n - 1; i >= 0; i--) {
        const tdkt_ruleset *s = chain[i];
        size_t nf = 1 + s->nfiles + s->ntests;
        for (size_t k = 0; k < nf; k++) {
            const char *path = k == 0           ? s->manifest
                               : k <= s->nfiles ? s->files[k - 1]
                                                : s->tests[k - 1 - s->nfiles];
            /* the manifest and forms as read once; tests from disk (no
             * run judges by them) */
            size_t len = k == 0 ? s->manifest_len
                         : k <= s->nfiles ? s->source_lens[k - 1]
                                          : 0;
            char *read = NULL;
            const char *buf = k == 0           ? s->manifest_src
                              : k <= s->nfiles ? s->sources[k - 1]
                                               : (read = rs_read_file(
                                                      path, &len, 16u << 20));
            if (!buf)
                return tdkt_error_last()->code; /* set by rs_read_file */
            const char *rel = path + strlen(s->root) + 1;
            SHA256Update(&ctx, (const uint8_t *)rel, strlen(rel) + 1);
            SHA256Update(&ctx, (const uint8_t *)buf, len);
            if (k >= 1 && k <= s->nfiles && memmem(buf, len, "meets", 5))
                rs->asks_meets = true;
            free(read);
        }
    }
    uint8_t digest[SHA256_DIGEST_LENGTH];
    SHA256Final(digest, &ctx);
    for (int i = 0; i < SHA256_DIGEST_LENGTH; i++)
        snprintf(rs->sha256 + 2 * i, 3, "%02x", digest[i]);
    return TDKT_OK;
}

/* Parameters and descriptors, parents first (their order in sets may
 * not be). */
static int build_set(tdkt_ruleset *rs, bool *done)
{
    if (done[rs->index])
        return TDKT_OK;
    if (rs->parent) {
        int error = build_set(rs->parent, done);
        if (error < 0)
            return error;
    }
    int error = params_setwide(rs);
    if (error < 0)
        return error;
    rt_limits lim;
    rt_default_limits(&lim);
    rt *proto = NULL;
    if ((error = rt_new(&proto, rs, &lim, RT_DESCRIPTORS)) < 0)
        return error;
    rt_free(proto);
    if ((error = compute_hash(rs)) < 0)
        return error;
    done[rs->index] = true;
    return TDKT_OK;
}

/* The sets under @p path (manifests and file lists: no form is run yet)
 * and their parents, into a new @p *out; every check between sets but the
 * overlap of dates (check_overlaps). */
static int open_manifests(tdkt_rules **out, const char *path)
{
    *out = NULL;
    tdkt_rules *rules = calloc(1, sizeof *rules);
    if (!rules)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    char **dirs = NULL;
    size_t ndirs = 0, cap = 0;
    int error = scan(path, 0, &dirs, &ndirs, &cap);
    if (error < 0)
        goto done;
    if (ndirs == 0) {
        struct stat sb;
        error = tdkt_error_set(
            TDKT_ENOTFOUND, "%s: %s", path,
            stat(path, &sb) == 0
                ? TDKT_MSG("không có bộ quy tắc nào ở đây (mỗi bộ quy tắc là "
                           "một thư mục có tệp ruleset.lua)",
                           "no rule sets here (a rule set is a folder with "
                           "a ruleset.lua)")
                : TDKT_MSG("không có thư mục này", "no such folder"));
        goto done;
    }
    qsort(dirs, ndirs, sizeof *dirs, cmp_str);
    char *m = path_join(path, "ruleset.lua");
    if (!m) {
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        goto done;
    }
    rules->by_date = !is_file(m);
    free(m);
    rules->opened = calloc(ndirs, sizeof *rules->opened);
    if (!rules->opened) {
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < ndirs; i++) {
        tdkt_ruleset *rs = NULL;
        if ((error = load_set(rules, dirs[i], &rs)) < 0)
            goto done;
        if ((error = add_set(rules, rs)) < 0) {
            ruleset_free(rs);
            goto done;
        }
        rules->opened[rules->nopened++] = rs;
    }
    error = resolve_parents(rules);
done:
    for (size_t i = 0; i < ndirs; i++)
        free(dirs[i]);
    free(dirs);
    if (error < 0) {
        tdkt_rules_free(rules);
        return error;
    }
    *out = rules;
    return TDKT_OK;
}

int tdkt_rules_open(tdkt_rules **out, const char *path)
{
    *out = NULL;
    tdkt_rules *rules = NULL;
    int error = open_manifests(&rules, path);
    if (error < 0)
        return error;
    if ((error = check_overlaps(rules, NULL, NULL, NULL)) < 0) {
        tdkt_rules_free(rules);
        return error;
    }
    bool *built = calloc(rules->nsets, sizeof *built);
    if (!built)
        error = tdkt_error_set(TDKT_ENOMEM, "out of memory");
    for (size_t i = 0; built && i < rules->nsets && error == TDKT_OK; i++)
        error = build_set(rules->sets[i], built);
    free(built);
    if (error < 0) {
        tdkt_rules_free(rules);
        return error;
    }
    *out = rules;
    return TDKT_OK;
}

int rs_check_siblings(const tdkt_ruleset *rs, tdkt_diags *diags,
                      size_t *found)
{
    *found = 0;
    size_t n = strlen(rs->root) + 1 + jur_len(rs->id) + 1;
    char *folder = malloc(n);
    if (!folder)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    snprintf(folder, n, "%s/%.*s", rs->root, (int)jur_len(rs->id), rs->id);
    tdkt_rules *siblings = NULL;
    int error = open_manifests(&siblings, folder);
    if (error == TDKT_ENOMEM) {
        free(folder);
        return error;
    }
    if (error < 0) {
        /* eval by date over the rules root would not load either */
        error = tdkt_diags_add(diags, folder, 0, NULL,
                               TDKT_MSG("các bộ quy tắc cùng phạm vi áp dụng "
                                        "không nạp được: %s",
                                        "the rule sets of its jurisdiction "
                                        "do not load: %s"),
                               tdkt_error_last()->message);
        *found = 1;
    } else {
        /* the set checked, as the folder holds it */
        const tdkt_ruleset *self = NULL;
        for (size_t i = 0; i < siblings->nsets && !self; i++)
            if (strcmp(siblings->sets[i]->id, rs->id) == 0)
                self = siblings->sets[i];
        error = check_overlaps(siblings, self, diags, found);
    }
    tdkt_rules_free(siblings);
    free(folder);
    return error;
}

void tdkt_rules_free(tdkt_rules *rules)
{
    if (!rules)
        return;
    for (size_t i = 0; i < rules->nsets; i++)
        ruleset_free(rules->sets[i]);
    free(rules->sets);
    free(rules->opened);
    free(rules);
}

size_t rs_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 99;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cur = row[j];
            size_t best = prev + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            prev = cur;
        }
    }
    return row[lb];
}

static int param_unknown(const tdkt_rules *rules, const bool *used,
                         const char *name);

int tdkt_rules_set_param(tdkt_rules *rules, const char *name,
                         const char *value)
{
    size_t applied = 0;
    for (size_t i = 0; i < rules->nsets; i++) {
        tdkt_ruleset *rs = rules->sets[i];
        rule_param *p = find_merged(rs, name);
        if (!p)
            continue;
        char *end;
        double num = strtod(value, &end);
        bool is_num = *value && !*end;
        bool is_bool = strcmp(value, "true") == 0 ||
                       strcmp(value, "false") == 0;
        if ((p->type == LUA_TNUMBER && !is_num) ||
            (p->type == LUA_TBOOLEAN && !is_bool))
            return tdkt_error_set(TDKT_EINVALID,
                                  TDKT_MSG("--set %s: '%s' không phải %s",
                                           "--set %s: '%s' is not a %s"),
                                  name, value,
                                  p->type == LUA_TNUMBER
                                      ? TDKT_MSG("một số", "number")
                                      : "true/false");
        char *text = strdup(value), *origin = strdup("--set");
        char *str = p->type == LUA_TSTRING ? strdup(value) : NULL;
        if (!text || !origin || (p->type == LUA_TSTRING && !str)) {
            free(text);
            free(origin);
            free(str);
            return tdkt_error_set(TDKT_ENOMEM, "out of memory");
        }
        free(p->text);
        free(p->origin);
        free(p->str);
        p->text = text;
        p->origin = origin;
        p->str = str;
        if (p->type == LUA_TNUMBER)
            p->num = num;
        else if (p->type == LUA_TBOOLEAN)
            p->num = strcmp(value, "true") == 0;
        applied++;
    }
    if (applied) {
        rules->overridden = true;
        return TDKT_OK;
    }
    return param_unknown(rules, NULL, name);
}

/* TDKT_ENOTFOUND for parameter @p name, which none of the sets marked in
 * @p used has (NULL: none of all), naming the near names among them. */
static int param_unknown(const tdkt_rules *rules, const bool *used,
                         const char *name)
{
    /* The near names, among the sets in use. */
    char near[512] = "";
    size_t len = 0;
    for (size_t i = 0; i < rules->nsets; i++) {
        if (used && !used[i])
            continue;
        for (size_t k = 0; k < rules->sets[i]->nmerged; k++) {
            const char *cand = rules->sets[i]->merged[k].name;
            const char *dot = strchr(name, '.');
            const char *cdot = strchr(cand, '.');
            bool same_form = dot && strncmp(cand, name,
                                            (size_t)(dot - name) + 1) == 0;
            /* compare the parameter's own name too: "ldtt.x" vs "x" */
            const char *base = dot ? dot + 1 : name;
            const char *cbase = cdot ? cdot + 1 : cand;
            if ((rs_distance(cand, name) <= 3 || same_form ||
                 rs_distance(cbase, base) <= 2) &&
                !strstr(near, cand) && len + strlen(cand) + 3 < sizeof near)
                len += (size_t)snprintf(near + len, sizeof near - len,
                                        "%s%s", len ? ", " : "", cand);
        }
    }
    /* The sets that have it but judge nothing here: another regime's
     * parameter, most likely. */
    char elsewhere[256] = "";
    size_t elen = 0;
    for (size_t i = 0; used && i < rules->nsets; i++)
        if (!used[i] && find_merged(rules->sets[i], name) &&
            elen + strlen(rules->sets[i]->id) + 3 < sizeof elsewhere)
            elen += (size_t)snprintf(elsewhere + elen,
                                     sizeof elsewhere - elen, "%s%s",
                                     elen ? ", " : "", rules->sets[i]->id);
    char tail[1024] = "";
    int tlen = near[0] ? snprintf(tail, sizeof tail,
                                  TDKT_MSG("; tên gần giống: %s",
                                           "; near names: %s"),
                                  near)
                       : 0;
    if (elsewhere[0] && tlen >= 0 && (size_t)tlen < sizeof tail)
        snprintf(tail + tlen, sizeof tail - (size_t)tlen,
                 TDKT_MSG(" (tham số này chỉ có trong %s, không phải "
                          "bộ quy tắc xét các đề nghị này)",
                          " (a parameter of %s, not of a rule set judging "
                          "these nominations)"),
                 elsewhere);
    return tdkt_error_set(TDKT_ENOTFOUND,
                          TDKT_MSG("--set: không có tham số '%s'%s",
                                   "--set: no parameter '%s'%s"),
                          name, tail);
}

int rules_param_check(const tdkt_rules *rules, const bool *used,
                      const char *name)
{
    for (size_t i = 0; i < rules->nsets; i++)
        if ((!used || used[i]) && find_merged(rules->sets[i], name))
            return TDKT_OK;
    return param_unknown(rules, used, name);
}

size_t tdkt_rules_count(const tdkt_rules *rules)
{
    return rules->nopened;
}

const tdkt_ruleset *tdkt_rules_at(const tdkt_rules *rules, size_t i)
{
    return i < rules->nopened ? rules->opened[i] : NULL;
}

static bool in_force(const tdkt_ruleset *rs, tdkt_date d)
{
    return d >= rs->from && (!rs->to || d <= rs->to);
}

const tdkt_ruleset *tdkt_rules_select(const tdkt_rules *rules, tdkt_date d)
{
    if (!rules->by_date)
        return rules->opened[0];
    const tdkt_ruleset *best = NULL, *tie = NULL;
    for (size_t i = 0; i < rules->nsets; i++) {
        const tdkt_ruleset *s = rules->sets[i];
        if (!in_force(s, d))
            continue;
        /* Most specific: skip a set some other in-force set extends. */
        bool extended = false;
        for (size_t j = 0; j < rules->nsets && !extended; j++)
            extended = j != i && in_force(rules->sets[j], d) &&
                       is_ancestor(s, rules->sets[j]);
        if (extended)
            continue;
        if (best)
            tie = s;
        else
            best = s;
    }
    char date[11];
    tdkt_date_format(date, d);
    if (!best) {
        tdkt_error_set(TDKT_ENOTFOUND,
                       TDKT_MSG("không có bộ quy tắc nào có hiệu lực ngày %s "
                                "(chọn một bộ bằng --rules)",
                                "no rule set is in force on %s (choose one "
                                "with --rules)"),
                       date);
        return NULL;
    }
    if (tie) {
        tdkt_error_set(TDKT_ERULE,
                       TDKT_MSG("có hai bộ quy tắc cùng hiệu lực ngày %s: %s "
                                "và %s (chọn một bộ bằng --rules)",
                                "two rule sets are in force on %s: %s and %s "
                                "(choose one with --rules)"),
                       date, best->id, tie->id);
        return NULL;
    }
    return best;
}

/* -------------------------------------------------------- accessors */

const char *tdkt_ruleset_id(const tdkt_ruleset *rs)
{
    return rs->id;
}
const char *tdkt_ruleset_dir(const tdkt_ruleset *rs)
{
    return rs->dir;
}
const char *tdkt_ruleset_title(const tdkt_ruleset *rs, tdkt_lang lang)
{
    return lang == TDKT_LANG_EN ? rs->title_en : rs->title_vi;
}
const char *tdkt_ruleset_basis(const tdkt_ruleset *rs)
{
    return rs->basis;
}
tdkt_date tdkt_ruleset_from(const tdkt_ruleset *rs)
{
    return rs->from;
}
tdkt_date tdkt_ruleset_to(const tdkt_ruleset *rs)
{
    return rs->to;
}
const tdkt_ruleset *tdkt_ruleset_parent(const tdkt_ruleset *rs)
{
    return rs->parent;
}
const char *tdkt_ruleset_sha256(const tdkt_ruleset *rs)
{
    return rs->sha256;
}
size_t tdkt_ruleset_caveats(const tdkt_ruleset *rs)
{
    return rs->ncaveats;
}
const char *tdkt_ruleset_caveat(const tdkt_ruleset *rs, size_t i)
{
    return i < rs->ncaveats ? rs->caveats[i] : NULL;
}
size_t tdkt_ruleset_forms(const tdkt_ruleset *rs)
{
    return rs->nforms;
}
const tdkt_form *tdkt_ruleset_form(const tdkt_ruleset *rs, size_t i)
{
    return i < rs->nforms ? &rs->forms[i] : NULL;
}
const tdkt_form *rs_form(const tdkt_ruleset *rs, int award, int subject)
{
    for (size_t i = 0; i < rs->nforms; i++)
        if (rs->forms[i].award == award && rs->forms[i].subject == subject)
            return &rs->forms[i];
    return NULL;
}
const tdkt_form *tdkt_ruleset_find_form(const tdkt_ruleset *rs, int award,
                                        int subject)
{
    return rs_form(rs, award, subject);
}
size_t tdkt_ruleset_params(const tdkt_ruleset *rs)
{
    return rs->nmerged;
}
void tdkt_ruleset_param(const tdkt_ruleset *rs, size_t i, const char **name,
                        const char **value, const char **origin)
{
    const rule_param *p = &rs->merged[i];
    *name = p->name;
    *value = p->text;
    *origin = p->origin;
}
int tdkt_form_award(const tdkt_form *f)
{
    return f->award;
}
int tdkt_form_subject(const tdkt_form *f)
{
    return f->subject;
}
const char *tdkt_form_name(const tdkt_form *f, tdkt_lang lang)
{
    return lang == TDKT_LANG_EN ? f->name_en : f->name_vi;
}
const char *tdkt_form_basis(const tdkt_form *f)
{
    return f->basis;
}
const char *tdkt_form_file(const tdkt_form *f)
{
    return f->file;
}
int tdkt_form_criteria(const tdkt_form *f)
{
    return f->ncriteria;
}
int tdkt_form_unverified(const tdkt_form *f)
{
    return f->nunverified;
}
