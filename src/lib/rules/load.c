/*
 * Loading a rule set's forms into a Lua state, and compiling them into
 * descriptors.
 *
 * The scripts speak a small declarative language: `form "code" {…}`,
 * `criterion "id" {…}`, `routes "id" {…}`, `route "id" {…}`, `quota {…}`
 * and `amend "code" {…}`. Each constructor is a C closure that records the
 * file and line it was called from, so every load error names them.
 * The chain is loaded ancestor first: a child's `form` replaces a form
 * whole, its `amend` replaces criteria by id.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>

#include "rules/rules_internal.h"
#include "core/msg.h"

int rt_load_chunk(lua_State *L, const char *buf, size_t len,
                  const char *chunkname);
void rt_set_global(lua_State *L, const char *name);
void rs_chunkname(char *buf, size_t n, const char *path);

static const char FORMS_KEY = 'F'; /* registry: "code/subject" → body */

/* ------------------------------------------------------ constructors */

/* The file and line a constructor was called from (file is copied: the
 * lua_Debug it comes from is local). */
static void caller_pos(lua_State *L, char *file, size_t n, int *line)
{
    lua_Debug ar;
    snprintf(file, n, "?");
    *line = 0;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar)) {
        snprintf(file, n, "%s", ar.short_src);
        *line = ar.currentline;
    }
}

/* The fields each constructor takes. A field the loader does not read
 * (`nmae`, `kind` for `kinds`) would otherwise be ignored and the form
 * load as if it were right: refused, with the list. */
static const char *const form_fields[] = {"subject", "name",   "basis",
                                          "kinds",   "params", NULL};
static const char *const amend_fields[] = {"subject", "name", "basis",
                                           "params", NULL};
static const char *const criterion_fields[] = {"basis", "status", "vi", "en",
                                               "check", NULL};
static const char *const routes_fields[] = {"vi", "en", NULL};
static const char *const quota_fields[] = {"id", "basis", "status", "vi",
                                           "en", "base", "rate", "per",
                                           NULL};
static const char *const text_fields[] = {"vi", "en", NULL};

void rt_raise_at_field(lua_State *L, const char *key, const char *sub,
                       const char *fmt, ...)
{
    const rt *r = rt_host(L);
    lua_Debug ar;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar) &&
        ar.currentline > 0) {
        /* the field is looked for only in the text of the file that made
         * the call (a helper of another file may have made it) */
        bool same = key && r->src && r->src_chunk &&
                    strcmp(ar.source, r->src_chunk) == 0;
        int line = same ? rt_field_line(r->src, r->src_len, ar.currentline,
                                        key, sub)
                        : 0;
        lua_pushfstring(L, "%s:%d: ", ar.short_src,
                        line ? line : ar.currentline);
    } else {
        lua_pushliteral(L, "");
    }
    va_list ap;
    va_start(ap, fmt);
    lua_pushvfstring(L, fmt, ap);
    va_end(ap);
    lua_concat(L, 2);
    lua_error(L);
    abort(); /* lua_error does not return */
}

static bool valid_status(const char *s)
{
    return s && (strcmp(s, "V") == 0 || strcmp(s, "V-en") == 0 ||
                 strcmp(s, "P") == 0 || strcmp(s, "U") == 0);
}

/* A status given but not one of the four (`status = "verified"`) is
 * refused at its line as invalid; a missing one when the form is
 * compiled (add_node). */
static void refuse_invalid_status(lua_State *L, int body, const char *what)
{
    if (lua_getfield(L, body, "status") != LUA_TNIL &&
        !(lua_type(L, -1) == LUA_TSTRING && valid_status(lua_tostring(L, -1))))
        rt_raise_at_field(L, "status", NULL,
                          TDKT_MSG("%s: status '%s' không hợp lệ (các giá "
                                   "trị: V, V-en, P, U)",
                                   "%s: invalid status '%s' (accepted: V, "
                                   "V-en, P, U)"),
                          what, luaL_tolstring(L, -1, NULL));
    lua_pop(L, 1);
}

/* The kind of item a constructor makes, as the messages name it. */
static const char *kind_label(const char *kind)
{
    return strcmp(kind, "form") == 0        ? TDKT_MSG("hình thức", "form")
           : strcmp(kind, "criterion") == 0 ? TDKT_MSG("tiêu chí", "criterion")
                                            : kind;
}

/* Raise an error at the constructor's call (file and line) when the table
 * at @p body has a field not in @p fields. With @p items, its array part
 * holds criteria, routes, route and quota; otherwise an item there is an
 * error too (a criterion written inside a criterion is never judged).
 * @p what names the table in the message ("tiêu chí 'x'"). Also checks a
 * `name` or `title` given as a table: { vi = …, en = … }. */
static void refuse_fields(lua_State *L, int body, const char *what,
                          const char *const *fields, bool items,
                          const char *parent);

void rt_refuse_unknown_fields(lua_State *L, int body, const char *what,
                              const char *const *fields, bool items)
{
    refuse_fields(L, body, what, fields, items, NULL);
}

/* @p parent: the field whose value the table is (name, title), or NULL. */
static void refuse_fields(lua_State *L, int body, const char *what,
                          const char *const *fields, bool items,
                          const char *parent)
{
    body = lua_absindex(L, body);
    luaL_checkstack(L, 4, "fields");
    lua_Integer nitems = (lua_Integer)lua_rawlen(L, body);
    lua_pushnil(L);
    while (lua_next(L, body)) { /* key value */
        if (lua_isinteger(L, -2) && lua_tointeger(L, -2) >= 1 &&
            lua_tointeger(L, -2) <= nitems) {
            if (items) {
                lua_pop(L, 1);
                continue;
            }
            int kind = lua_istable(L, -1) ? lua_getfield(L, -1, "__kind")
                                          : LUA_TNONE;
            if (kind == LUA_TSTRING) {
                lua_getfield(L, -2, "__id");
                rt_raise_at_field(L, NULL, NULL,
                           TDKT_MSG("%s: không chứa được %s '%s' (chỉ "
                                    "hình thức, amend, routes và route "
                                    "chứa các mục)",
                                    "%s: cannot hold %s '%s' (only form, "
                                    "amend, routes and route hold items)"),
                           what, lua_tostring(L, -2),
                           lua_isstring(L, -1) ? lua_tostring(L, -1) : "?");
            }
            if (kind != LUA_TNONE)
                lua_pop(L, 1);
            /* anything else there is a field of no name: said below */
        }
        const char *key =
            lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
        int k = 0;
        while (key && fields[k] && strcmp(fields[k], key) != 0)
            k++;
        if (!key || !fields[k]) {
            tdkt_buf all = {0};
            for (k = 0; fields[k]; k++)
                tdkt_buf_printf(&all, "%s%s", k ? ", " : "", fields[k]);
            lua_pushstring(L, all.oom ? "" : tdkt_buf_cstr(&all));
            tdkt_buf_free(&all);
            const char *shown = key ? key : luaL_tolstring(L, -3, NULL);
            rt_raise_at_field(
                L, parent ? parent : shown, parent ? shown : NULL,
                TDKT_MSG("%s: không có trường '%s' (các trường: %s)",
                         "%s: no field '%s' (the fields: %s)"),
                what, shown, lua_tostring(L, -1 - !key));
        }
        if (!parent &&
            (strcmp(key, "name") == 0 || strcmp(key, "title") == 0) &&
            lua_istable(L, -1)) {
            lua_pushfstring(L, "%s, %s", what, key);
            refuse_fields(L, -2, lua_tostring(L, -1), text_fields, false,
                          key);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
}

/* "tiêu chí 'x'": what a constructor's message calls its table. */
static const char *what_text(lua_State *L, const char *kind, const char *id)
{
    return lua_pushfstring(L, "%s '%s'", kind_label(kind), id ? id : "?");
}

/* (body) → body tagged with the kind, id, file and line of the closure */
static int tag_body(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    const char *kind = lua_tostring(L, lua_upvalueindex(1));
    bool criterion = strcmp(kind, "criterion") == 0;
    const char *what =
        what_text(L, kind, lua_tostring(L, lua_upvalueindex(2)));
    rt_refuse_unknown_fields(L, 1, what,
                             strcmp(kind, "form") == 0    ? form_fields
                             : strcmp(kind, "amend") == 0 ? amend_fields
                             : criterion                  ? criterion_fields
                                                          : routes_fields,
                             !criterion);
    if (criterion)
        refuse_invalid_status(L, 1, what);
    lua_settop(L, 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_setfield(L, 1, "__kind");
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_setfield(L, 1, "__id");
    lua_pushvalue(L, lua_upvalueindex(3));
    lua_setfield(L, 1, "__file");
    lua_pushvalue(L, lua_upvalueindex(4));
    lua_setfield(L, 1, "__line");
    lua_settop(L, 1);
    return 1;
}

static int form_key(lua_State *L, int body, const char *code)
{
    lua_getfield(L, body, "subject");
    const char *subject = lua_tostring(L, -1);
    int award = tdkt_vocab_lookup(TDKT_V_AWARD, code);
    if (award < 0)
        return luaL_error(L,
                          TDKT_MSG("mã danh hiệu, hình thức khen thưởng '%s' "
                                   "không hợp lệ (xem docs/vocabulary.md)",
                                   "unknown award code '%s' (docs/vocabulary.md)"),
                          code);
    if (!subject) {
        int subs = tdkt_award_subjects(award);
        if (subs == TDKT_AWARDS_BOTH)
            return luaL_error(L,
                              TDKT_MSG("hình thức '%s': cần ghi subject = "
                                       "\"person\" hoặc \"unit\" (mã này "
                                       "dùng được cho cả cá nhân và tập thể)",
                                       "form '%s': say subject = \"person\" "
                                       "or \"unit\" (the code suits both)"),
                              code);
        subject = subs == TDKT_AWARDS_UNIT ? "unit" : "person";
        lua_pushstring(L, subject);
        lua_setfield(L, body, "subject");
    } else if (strcmp(subject, "person") != 0 &&
               strcmp(subject, "unit") != 0) {
        return luaL_error(L,
                          TDKT_MSG("hình thức '%s': subject phải là "
                                   "\"person\" hoặc \"unit\", không phải "
                                   "'%s'",
                                   "form '%s': subject must be \"person\" "
                                   "or \"unit\", not '%s'"),
                          code, subject);
    }
    lua_pop(L, 1);
    lua_pushfstring(L, "%s/%s", code, subject);
    return 1;
}

static int form_body(lua_State *L)
{
    tag_body(L); /* body */
    const char *code = lua_tostring(L, lua_upvalueindex(2));
    form_key(L, 1, code); /* body key */
    lua_rawgetp(L, LUA_REGISTRYINDEX, &FORMS_KEY);
    lua_insert(L, -2);
    lua_pushvalue(L, 1);
    lua_rawset(L, -3); /* forms[key] = body (a child replaces whole) */
    return 0;          /* nothing to keep a handle on */
}

/* What nest_check() finds of a routes or route, for the two functions
 * that recurse once per level: compile_children() and replace_node(). */
enum { NEST_OK, NEST_DEEP, NEST_CYCLE };

/* Whether the routes or route at idx, `depth` levels down its form, may
 * be walked into: not if it is one of those it lies in (a table put
 * inside its own route, which would be walked forever), nor if it lies
 * deeper than RT_MAX_ROUTES routes. path[0..depth) holds their stack
 * indexes. Routes and route alternate, so 2 * RT_MAX_ROUTES is the depth
 * of the first routes too many; refusing it also bounds path. */
static int nest_check(lua_State *L, int idx, const int *path, int depth)
{
    for (int i = 0; i < depth; i++)
        if (lua_rawequal(L, idx, path[i]))
            return NEST_CYCLE;
    return depth >= 2 * RT_MAX_ROUTES ? NEST_DEEP : NEST_OK;
}

/* What a refusal of nest_check() says, in form `code` (an amendment names
 * the same form). */
static void nest_text(char *buf,
                      size_t n,
                      int nest,
                      const char *code,
                      const char *kind,
                      const char *id)
{
    if (nest == NEST_CYCLE)
        snprintf(buf, n,
                 TDKT_MSG("hình thức '%s': %s '%s' nằm trong chính nó",
                          "form '%s': %s '%s' lies inside itself"),
                 code, kind, id);
    else
        snprintf(buf, n,
                 TDKT_MSG("hình thức '%s': %s '%s' lồng quá sâu (tối đa %d "
                          "cấp routes lồng nhau)",
                          "form '%s': %s '%s' is nested too deeply (at most "
                          "%d levels of routes)"),
                 code, kind, id, RT_MAX_ROUTES);
}

/* Replace the node with this id anywhere under table at idx (a form, or
 * the routes or route path[depth - 1]); true if found. The replacement
 * is on top of the stack and stays there. Only routes and route are
 * walked into, as compile_children() does: the form may still be one
 * compiling would refuse, but has not been compiled yet. */
static bool replace_node(lua_State *L,
                         int idx,
                         const char *id,
                         const char *code,
                         int *path,
                         int depth)
{
    idx = lua_absindex(L, idx);
    luaL_checkstack(L, 4, "amend");
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
    for (lua_Integer i = 1; i <= n; i++) {
        if (lua_rawgeti(L, idx, i) != LUA_TTABLE) {
            lua_pop(L, 1);
            continue;
        }
        int child = lua_gettop(L);
        lua_getfield(L, child, "__id");
        bool same = lua_isstring(L, -1) && strcmp(lua_tostring(L, -1), id) == 0;
        lua_pop(L, 1);
        if (same) {
            lua_pop(L, 1);
            lua_pushvalue(L, -1);
            lua_rawseti(L, idx, i);
            return true;
        }
        lua_getfield(L, child, "__kind");
        const char *kind = lua_tostring(L, -1);
        bool walk =
            kind && (strcmp(kind, "routes") == 0 || strcmp(kind, "route") == 0);
        int nest = walk ? nest_check(L, child, path, depth) : NEST_OK;
        if (nest != NEST_OK) {
            lua_getfield(L, child, "__id");
            const char *cid = lua_tostring(L, -1);
            char msg[256];
            nest_text(msg, sizeof msg, nest, code, kind, cid ? cid : "?");
            luaL_error(L, "%s", msg);
        }
        lua_pop(L, 1);
        bool found = false;
        if (walk) {
            path[depth] = child;
            lua_pushvalue(L, -2); /* child replacement */
            found = replace_node(L, child, id, code, path, depth + 1);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        if (found)
            return true;
    }
    return false;
}

static int amend_body(lua_State *L)
{
    tag_body(L); /* body */
    const char *code = lua_tostring(L, lua_upvalueindex(2));
    form_key(L, 1, code); /* body key */
    lua_rawgetp(L, LUA_REGISTRYINDEX, &FORMS_KEY);
    lua_pushvalue(L, 2);
    if (lua_rawget(L, -2) != LUA_TTABLE) { /* body key forms target */
        lua_getfield(L, 1, "subject"); /* set by form_key */
        bool unit = strcmp(lua_tostring(L, -1), "unit") == 0;
        return luaL_error(L,
                          TDKT_MSG("amend: không có hình thức '%s' (%s) để "
                                   "sửa đổi trong các bộ quy tắc mà bộ này "
                                   "kế thừa",
                                   "amend: no form '%s' (%s) to amend in the "
                                   "rule sets this one extends"),
                          code,
                          unit ? TDKT_MSG("tập thể", "unit")
                               : TDKT_MSG("cá nhân", "person"));
    }
    int target = lua_gettop(L);
    /* Replace criteria, routes and quotas by id. */
    lua_Integer n = (lua_Integer)lua_rawlen(L, 1);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, 1, i);
        lua_getfield(L, -1, "__id");
        const char *id = lua_tostring(L, -1);
        lua_pop(L, 1);
        int path[2 * RT_MAX_ROUTES];
        if (!id || !replace_node(L, target, id, code, path, 0)) {
            /* at the item's line: the one that would be added */
            lua_getfield(L, -1, "__file");
            lua_getfield(L, -2, "__line");
            lua_pushfstring(L,
                              TDKT_MSG("%s:%d: amend '%s': hình thức không có "
                                       "mục '%s' để thay thế (amend thay "
                                       "các mục theo id, không thêm mục "
                                       "mới: muốn thêm, hãy đưa cả hình thức "
                                       "vào bộ quy tắc; xem rules/README.md)",
                                       "%s:%d: amend '%s': the form has no "
                                       "item '%s' to replace (an amend "
                                       "replaces items by id and adds none: "
                                       "to add one, give the set the whole "
                                       "form; see rules/README.md)"),
                              lua_tostring(L, -2), (int)lua_tointeger(L, -1),
                              code, id ? id : "?");
            return lua_error(L);
        }
        lua_pop(L, 1);
    }
    /* Replace fields; params are merged name by name. */
    static const char *const fields[] = {"name", "basis", NULL};
    for (const char *const *f = fields; *f; f++) {
        if (lua_getfield(L, 1, *f) != LUA_TNIL)
            lua_setfield(L, target, *f);
        else
            lua_pop(L, 1);
    }
    if (lua_getfield(L, 1, "params") == LUA_TTABLE) {
        if (lua_getfield(L, target, "params") != LUA_TTABLE) {
            lua_pop(L, 1);
            lua_newtable(L);
            lua_pushvalue(L, -1);
            lua_setfield(L, target, "params");
        }
        lua_pushnil(L);
        while (lua_next(L, -3)) {
            lua_pushvalue(L, -2);
            lua_getfield(L, -4, lua_tostring(L, -1));
            if (lua_isnil(L, -1))
                rt_raise_at_field(L, "params", lua_tostring(L, -2),
                                  TDKT_MSG("amend '%s': hình thức không có "
                                           "tham số '%s' để thay đổi (amend "
                                           "chỉ đổi giá trị các tham số đã "
                                           "khai báo: muốn thêm, hãy đưa cả "
                                           "hình thức vào bộ quy tắc; xem "
                                           "rules/README.md)",
                                           "amend '%s': the form has no "
                                           "parameter '%s' to change (an "
                                           "amend changes declared "
                                           "parameters and adds none: to add "
                                           "one, give the set the whole "
                                           "form; see rules/README.md)"),
                                  code, lua_tostring(L, -2));
            lua_pop(L, 1);
            lua_insert(L, -2);
            lua_settable(L, -4);
        }
    }
    /* Remember who amended it last, for listings. */
    lua_getfield(L, 1, "__file");
    lua_setfield(L, target, "__amended_file");
    return 0;
}

/* name "x" → closure(kind, "x", file, line) */
static int make_ctor(lua_State *L, lua_CFunction body)
{
    const char *kind = lua_tostring(L, lua_upvalueindex(1));
    const char *id = luaL_checkstring(L, 1);
    char file[LUA_IDSIZE];
    int line;
    caller_pos(L, file, sizeof file, &line);
    lua_pushstring(L, kind);
    lua_pushstring(L, id);
    lua_pushstring(L, file);
    lua_pushinteger(L, line);
    lua_pushcclosure(L, body, 4);
    return 1;
}

static int ctor_node(lua_State *L)
{
    return make_ctor(L, tag_body);
}
static int ctor_form(lua_State *L)
{
    return make_ctor(L, form_body);
}
static int ctor_amend(lua_State *L)
{
    return make_ctor(L, amend_body);
}

/* quota {…}: no name of its own */
static int ctor_quota(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_getfield(L, 1, "id");
    const char *what = what_text(L, "quota", lua_tostring(L, -1));
    rt_refuse_unknown_fields(L, 1, what, quota_fields, false);
    refuse_invalid_status(L, 1, what);
    lua_settop(L, 1);
    char file[LUA_IDSIZE];
    int line;
    caller_pos(L, file, sizeof file, &line);
    lua_pushliteral(L, "quota");
    lua_setfield(L, 1, "__kind");
    lua_getfield(L, 1, "id");
    lua_setfield(L, 1, "__id");
    lua_pushstring(L, file);
    lua_setfield(L, 1, "__file");
    lua_pushinteger(L, line);
    lua_setfield(L, 1, "__line");
    lua_settop(L, 1);
    return 1;
}

static void register_ctor(lua_State *L, const char *name, const char *kind,
                          lua_CFunction fn)
{
    lua_pushstring(L, kind);
    lua_pushcclosure(L, fn, 1);
    rt_set_global(L, name);
}

/* ------------------------------------------------------------ loading */

/* Form file @p k of set @p s, from the bytes read as the set was opened
 * (rules_internal.h: sources), never from the disk again. */
static int load_file(rt *r, const tdkt_ruleset *s, size_t k)
{
    lua_State *L = r->L;
    const char *path = s->files[k];
    char chunk[512];
    rs_chunkname(chunk, sizeof chunk, path);
    const char *buf = s->sources[k];
    size_t len = s->source_lens[k];
    int status = rt_load_chunk(L, buf, len, chunk);
    if (status != LUA_OK) {
        /* Lua's own load errors (a binary chunk) may carry no place. */
        const char *msg = lua_tostring(L, -1);
        int error = rt_lua_error(r, rt_lua_placed(msg) ? NULL : path, msg);
        lua_pop(L, 1);
        return error;
    }
    /* The constructors find the lines of fields in the text. */
    r->src = buf;
    r->src_len = len;
    r->src_chunk = chunk;
    status = rt_pcall(r, 0, 0);
    r->src = r->src_chunk = NULL;
    if (status != LUA_OK) {
        /* nor one raised as error("…", 0), or the memory cap's */
        const char *msg = lua_tostring(L, -1);
        int error = rt_lua_error(r, rt_lua_placed(msg) ? NULL : path, msg);
        lua_pop(L, 1);
        return error;
    }
    return TDKT_OK;
}

/* ---------------------------------------------------------- compiling */

typedef struct compiler {
    rt *r;
    tdkt_form *f;  /* descriptor being built, or NULL (worker) */
    int nnodes;    /* nodes counted so far */
    int built;     /* descriptor nodes filled in (a prefix): freed on error */
    int cap;
    int fns;       /* stack index of the function table */
    const char *code;
    int bit; /* the form's rt_form_bit, as a bit number: its kept state */
    /* stack indexes of the routes and route the node being compiled lies
     * in, by depth (nest_check) */
    int path[2 * RT_MAX_ROUTES];
} compiler;

/* A copy of field `name` of the table at idx, or NULL when it has none
 * (no memory raises: an absent citation must not look like a missing
 * one). */
static char *dup_field(rt *r, int idx, const char *name)
{
    lua_State *L = r->L;
    lua_getfield(L, idx, name);
    const char *s = lua_tostring(L, -1);
    char *d = s ? rt_strdup(r, s) : NULL;
    lua_pop(L, 1);
    return d;
}

static int node_error(lua_State *L, int idx, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static int node_error(lua_State *L, int idx, const char *fmt, ...)
{
    lua_getfield(L, idx, "__file");
    lua_getfield(L, idx, "__line");
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int e = tdkt_error_set(TDKT_ERULE, "%s:%d: %s", lua_tostring(L, -2),
                           (int)lua_tointeger(L, -1), msg);
    lua_pop(L, 2);
    return e;
}

static int add_node(compiler *c, int idx, int parent, int depth,
                    rn_kind kind);

/* Compile the array items of table idx as children of `parent` (of kind
 * parent_kind, -1 at the top of a form). */
static int compile_children(compiler *c, int idx, int parent,
                            int parent_kind, int depth, int *count)
{
    lua_State *L = c->r->L;
    /* the item, its kind, then what add_node reads from it */
    luaL_checkstack(L, 8, "form");
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
    *count = 0;
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, idx, i);
        int item = lua_gettop(L);
        if (!lua_istable(L, item) ||
            lua_getfield(L, item, "__kind") != LUA_TSTRING) {
            lua_pop(L, lua_istable(L, item) ? 2 : 1);
            return node_error(L, idx,
                              TDKT_MSG("hình thức '%s': có một mục không "
                                       "phải criterion, routes, route hay "
                                       "quota",
                                       "form '%s': an item is not a "
                                       "criterion, routes, route or quota"),
                              c->code);
        }
        const char *kind = lua_tostring(L, -1);
        rn_kind k = strcmp(kind, "criterion") == 0 ? RN_CRITERION
                    : strcmp(kind, "routes") == 0  ? RN_ROUTES
                    : strcmp(kind, "route") == 0   ? RN_ROUTE
                    : strcmp(kind, "quota") == 0   ? RN_QUOTA
                                                   : (rn_kind)-1;
        lua_pop(L, 1);
        if ((int)k < 0)
            return node_error(L, item,
                              TDKT_MSG("không được đặt '%s' trong hình thức "
                                       "'%s'",
                                       "'%s' cannot stand inside form '%s'"),
                              kind, c->code);
        if ((k == RN_ROUTE) != (parent_kind == RN_ROUTES))
            return node_error(L, item,
                              TDKT_MSG("hình thức '%s': route chỉ được đặt "
                                       "ngay trong routes, và trong routes "
                                       "chỉ được đặt route",
                                       "form '%s': a route stands directly "
                                       "inside routes, and only routes "
                                       "there"),
                              c->code);
        if (k == RN_QUOTA && parent >= 0)
            return node_error(L, item,
                              TDKT_MSG("quota phải đặt ở cấp ngoài cùng của "
                                       "hình thức '%s'",
                                       "a quota stands at the top of form "
                                       "'%s'"),
                              c->code);
        int error = add_node(c, item, parent, depth, k);
        lua_pop(L, 1);
        if (error < 0)
            return error;
        (*count)++;
    }
    return TDKT_OK;
}

static int add_node(compiler *c, int idx, int parent, int depth,
                    rn_kind kind)
{
    lua_State *L = c->r->L;
    int me = c->nnodes++;
    lua_getfield(L, idx, "__id");
    const char *id = lua_tostring(L, -1);
    lua_pop(L, 1);
    if (kind == RN_CRITERION || kind == RN_QUOTA) {
        lua_getfield(L, idx, "basis");
        lua_getfield(L, idx, "status");
        lua_getfield(L, idx, "vi");
        lua_getfield(L, idx, "en");
        const char *missing =
            !id ? "id"
            : !lua_isstring(L, -4)
                ? TDKT_MSG("basis (điều, khoản mà tiêu chí thể hiện)",
                           "basis (the article it encodes)")
            : !valid_status(lua_tostring(L, -3))
                ? TDKT_MSG("status (V, V-en, P hoặc U)",
                           "status (V, V-en, P or U)")
            : !lua_isstring(L, -2)
                ? TDKT_MSG("vi (nội dung tiếng Việt)", "vi (Vietnamese text)")
            : !lua_isstring(L, -1)
                ? TDKT_MSG("en (nội dung tiếng Anh)", "en (English text)")
                : NULL;
        lua_pop(L, 4);
        if (missing)
            return node_error(L, idx,
                              TDKT_MSG("tiêu chí '%s': thiếu %s",
                                       "criterion '%s': missing %s"),
                              id ? id : "?", missing);
    }
    if (kind == RN_CRITERION) {
        if (lua_getfield(L, idx, "check") != LUA_TFUNCTION) {
            lua_pop(L, 1);
            return node_error(L, idx,
                              TDKT_MSG("tiêu chí '%s': thiếu check = "
                                       "function(s, n, p) … end",
                                       "criterion '%s': missing check = "
                                       "function(s, n, p) … end"),
                              id);
        }
        if (rt_snapshot_function(c->r, -1, c->bit) < 0) {
            char why[400];
            snprintf(why, sizeof why, "%s",
                     lua_isstring(L, -1) ? lua_tostring(L, -1) : "?");
            lua_pop(L, 2);
            return node_error(L, idx,
                              TDKT_MSG("tiêu chí '%s': %s",
                                       "criterion '%s': %s"),
                              id, why);
        }
        lua_rawseti(L, c->fns, me + 1);
    }
    if (kind == RN_QUOTA) {
        lua_getfield(L, idx, "base");
        lua_getfield(L, idx, "rate");
        lua_getfield(L, idx, "per");
        const char *base = lua_tostring(L, -3);
        const char *per = lua_tostring(L, -1);
        bool bad_base = !base || tdkt_vocab_lookup(TDKT_V_AWARD, base) < 0;
        bool bad_rate = !lua_isstring(L, -2);
        bool bad_per = per && strcmp(per, "unit") != 0 &&
                       strcmp(per, "all") != 0;
        if (c->f && c->f->quota >= 0 && c->f->quota != me) {
            /* the engine applies one quota to a form's cohort */
            lua_pop(L, 3);
            return node_error(L, idx,
                              TDKT_MSG("quota '%s': một hình thức chỉ có "
                                       "một quota",
                                       "quota '%s': a form has one quota "
                                       "only"),
                              id);
        }
        if (c->f && !bad_base && !bad_rate && !bad_per) {
            c->f->quota = me;
            c->f->quota_base = tdkt_vocab_lookup(TDKT_V_AWARD, base);
            c->f->quota_all = per && strcmp(per, "all") == 0;
            c->f->quota_rate = rt_strdup(c->r, lua_tostring(L, -2));
        }
        lua_pop(L, 3);
        if (bad_base || bad_rate || bad_per)
            return node_error(L, idx,
                              TDKT_MSG("quota '%s': cần có base = một mã "
                                       "danh hiệu, hình thức khen thưởng, "
                                       "rate = tên một tham số và per = "
                                       "\"unit\" hoặc \"all\"",
                                       "quota '%s': needs base = an award "
                                       "code, rate = a parameter name and "
                                       "per = \"unit\" or \"all\""),
                              id ? id : "?");
    }
    if ((kind == RN_ROUTES || kind == RN_ROUTE) && !id)
        return node_error(L, idx,
                          TDKT_MSG("%s cần có tên", "a %s needs a name"),
                          kind == RN_ROUTES ? "routes" : "route");
    if (c->f) {
        if (me >= c->cap) {
            int cap = c->cap ? c->cap * 2 : 16;
            rule_node *nodes = realloc(c->f->nodes, (size_t)cap * sizeof *nodes);
            if (!nodes)
                return tdkt_error_set(TDKT_ENOMEM, "out of memory");
            c->f->nodes = nodes;
            c->cap = cap;
        }
        rule_node *nd = &c->f->nodes[me];
        memset(nd, 0, sizeof *nd);
        c->built = me + 1;
        c->f->nnodes = c->built; /* freed with f if an error is raised */
        nd->kind = kind;
        nd->id = id ? rt_strdup(c->r, id) : NULL;
        nd->basis = dup_field(c->r, idx, "basis");
        nd->status = dup_field(c->r, idx, "status");
        nd->vi = dup_field(c->r, idx, "vi");
        nd->en = dup_field(c->r, idx, "en");
        nd->file = dup_field(c->r, idx, "__file");
        lua_getfield(L, idx, "__line");
        nd->line = (int)lua_tointeger(L, -1);
        lua_pop(L, 1);
        nd->parent = parent;
        nd->depth = depth;
        if (kind == RN_CRITERION || kind == RN_QUOTA) { /* both judged */
            c->f->ncriteria++;
            if (nd->status && strcmp(nd->status, "U") == 0)
                c->f->nunverified++;
        }
        if (!nd->id) {
            nd->id = rt_strdup(c->r, "?");
        }
    }
    if (kind == RN_ROUTES || kind == RN_ROUTE) {
        int nest = nest_check(L, idx, c->path, depth);
        if (nest != NEST_OK) {
            char msg[256];
            nest_text(msg, sizeof msg, nest, c->code,
                      kind == RN_ROUTES ? "routes" : "route", id);
            return node_error(L, idx, "%s", msg);
        }
        c->path[depth] = idx;
        int count = 0;
        int error = compile_children(c, idx, me, (int)kind, depth + 1, &count);
        if (error < 0)
            return error;
        if (count == 0)
            return node_error(L, idx,
                              TDKT_MSG("%s '%s' không có mục nào",
                                       "%s '%s' is empty"),
                              kind == RN_ROUTES ? "routes" : "route", id);
        if (c->f) {
            rule_node *nd = &c->f->nodes[me];
            nd->children = malloc((size_t)count * sizeof *nd->children);
            if (!nd->children)
                return tdkt_error_set(TDKT_ENOMEM, "out of memory");
            for (int i = me + 1; i < c->nnodes; i++)
                if (c->f->nodes[i].parent == me)
                    nd->children[nd->nchildren++] = i;
        }
    }
    return TDKT_OK;
}

/* Compile one form body (at idx) into descriptor f (may be NULL) and a
 * function table, whose registry ref is returned in *fns_ref. */
static int compile_form(rt *r, int idx, tdkt_form *f, const char *code,
                        int *fns_ref, int *nnodes)
{
    lua_State *L = r->L;
    lua_newtable(L);
    compiler c = {.r = r, .f = f, .fns = lua_gettop(L), .code = code};
    lua_getfield(L, idx, "subject");
    int subject = lua_isstring(L, -1) && strcmp(lua_tostring(L, -1), "unit") == 0
                      ? TDKT_UNIT
                      : TDKT_PERSON;
    lua_pop(L, 1);
    int award = tdkt_vocab_lookup(TDKT_V_AWARD, code); /* checked before */
    c.bit = rt_form_bit_number(award >= 0 ? award : 0, subject);
    if (f) {
        memset(f, 0, sizeof *f);
        f->quota = -1;
        f->award = award;
        f->subject = subject;
        if (lua_getfield(L, idx, "name") == LUA_TTABLE) {
            f->name_vi = dup_field(r, -1, "vi");
            f->name_en = dup_field(r, -1, "en");
        } else if (lua_isstring(L, -1)) {
            f->name_vi = rt_strdup(r, lua_tostring(L, -1));
        }
        lua_pop(L, 1);
        f->basis = dup_field(r, idx, "basis");
        /* kinds = { "merit", … }: a nomination of another kind is not
         * judged by these criteria but sent to a person (review). */
        if (lua_getfield(L, idx, "kinds") == LUA_TTABLE) {
            for (lua_Integer k = 1;; k++) {
                if (lua_rawgeti(L, -1, k) == LUA_TNIL) {
                    lua_pop(L, 1);
                    break;
                }
                int kind = lua_isstring(L, -1)
                               ? tdkt_vocab_lookup(TDKT_V_KIND,
                                                   lua_tostring(L, -1))
                               : -1;
                lua_pop(L, 1);
                if (kind < 0) {
                    lua_pop(L, 1);
                    return node_error(L, idx,
                                      TDKT_MSG("hình thức '%s': kinds có "
                                               "một loại hình khen thưởng "
                                               "không hợp lệ",
                                               "form '%s': kinds lists an "
                                               "unknown kind of honour"),
                                      code);
                }
                f->kinds |= 1u << kind;
            }
        }
        lua_pop(L, 1);
        f->file = dup_field(r, idx, "__amended_file");
        if (!f->file)
            f->file = dup_field(r, idx, "__file");
        lua_getfield(L, idx, "__line");
        f->line = (int)lua_tointeger(L, -1);
        lua_pop(L, 1);
        if (!f->name_vi || !f->basis)
            return node_error(L, idx,
                              TDKT_MSG("hình thức '%s': cần có name = "
                                       "{ vi = …, en = … } và basis",
                                       "form '%s': needs name = { vi = …, "
                                       "en = … } and basis"),
                              code);
        if (!f->name_en)
            f->name_en = rt_strdup(r, f->name_vi);
        /* The form's parameter defaults join the set's parameters as
         * "code.name", where manifests and --set can override them. */
        if (lua_getfield(L, idx, "params") == LUA_TTABLE) {
            lua_pushnil(L);
            while (lua_next(L, -2)) {
                char name[128];
                snprintf(name, sizeof name, "%s.%s", code,
                         lua_isstring(L, -2) ? lua_tostring(L, -2) : "?");
                lua_getfield(L, idx, "__file");
                char origin[LUA_IDSIZE];
                snprintf(origin, sizeof origin, "%s", lua_tostring(L, -1));
                lua_pop(L, 1);
                int error = rs_param_put((tdkt_ruleset *)r->rs, name, L, -1,
                                         origin, false);
                lua_pop(L, 1);
                if (error < 0) {
                    lua_pop(L, 2);
                    return error;
                }
            }
        }
        lua_pop(L, 1);
    }
    int count = 0;
    int error = compile_children(&c, idx, -1, -1, 0, &count);
    if (f) /* from here on, form_free frees what was built */
        f->nnodes = error < 0 ? c.built : c.nnodes;
    if (error < 0)
        return error;
    if (count == 0)
        return node_error(L, idx,
                          TDKT_MSG("hình thức '%s' không có tiêu chí nào",
                                   "form '%s' has no criteria"),
                          code);
    if (f) {
        /* Ids name criteria in output, amendments and --set: unique. */
        for (int i = 0; i < c.nnodes; i++)
            for (int j = i + 1; j < c.nnodes; j++)
                if (strcmp(f->nodes[i].id, f->nodes[j].id) == 0)
                    return tdkt_error_set(TDKT_ERULE,
                                          TDKT_MSG("%s:%d: hình thức '%s': "
                                                   "id '%s' được dùng hai "
                                                   "lần (lần kia ở dòng %d)",
                                                   "%s:%d: form '%s': the id "
                                                   "'%s' is used twice (also "
                                                   "at line %d)"),
                                          f->nodes[j].file, f->nodes[j].line,
                                          code, f->nodes[j].id,
                                          f->nodes[i].line);
        f->nnodes = c.nnodes;
        f->top = malloc((size_t)count * sizeof *f->top);
        if (!f->top)
            return tdkt_error_set(TDKT_ENOMEM, "out of memory");
        for (int i = 0; i < c.nnodes; i++)
            if (f->nodes[i].parent < 0)
                f->top[f->ntop++] = i;
    }
    *nnodes = c.nnodes;
    *fns_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return TDKT_OK;
}

static int cmp_form(const void *a, const void *b)
{
    const tdkt_form *x = a, *y = b;
    if (x->award != y->award)
        return x->award - y->award;
    return x->subject - y->subject;
}

/* What loading mallocs, kept here (not in locals) so that a Lua error
 * raised in the middle cannot leak it: rt_load_forms frees what is left. */
typedef struct loader {
    tdkt_ruleset *build;
    char **keys; /* sorted "code/subject" keys of the forms table */
    size_t nkeys;
    tdkt_form *descs; /* descriptors being built (build only) */
    int *refs;        /* per key: registry ref of its function table */
} loader;

/* Sorted keys of the forms table (deterministic order), into ld. */
static int sorted_keys(rt *r, int forms, loader *ld)
{
    lua_State *L = r->L;
    size_t cap = 16;
    ld->keys = malloc(cap * sizeof *ld->keys);
    if (!ld->keys)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    lua_pushnil(L);
    while (lua_next(L, forms)) {
        lua_pop(L, 1);
        if (ld->nkeys == cap) {
            char **nk = realloc(ld->keys, cap * 2 * sizeof *nk);
            if (!nk) {
                lua_pop(L, 1);
                return tdkt_error_set(TDKT_ENOMEM, "out of memory");
            }
            ld->keys = nk;
            cap *= 2;
        }
        ld->keys[ld->nkeys] = rt_strdup(r, lua_tostring(L, -1));
        ld->nkeys++;
    }
    /* order by award enum then subject: done by the caller's qsort on
     * descriptors; here a plain string sort keeps workers identical */
    char **keys = ld->keys;
    for (size_t i = 1; i < ld->nkeys; i++)
        for (size_t j = i; j > 0 && strcmp(keys[j - 1], keys[j]) > 0; j--) {
            char *t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
        }
    return TDKT_OK;
}

/* Workers: the refs in the order of the descriptors the first state
 * built (sorted by award code), found by key. Every descriptor must
 * have its functions here, or evaluation would call a missing table. */
static int refs_by_descriptor(rt *r, loader *ld)
{
    int *sorted = calloc(ld->nkeys ? ld->nkeys : 1, sizeof *sorted);
    if (!sorted)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    for (size_t d = 0; d < r->rs->nforms; d++) {
        const tdkt_form *f = &r->rs->forms[d];
        char key[80];
        snprintf(key, sizeof key, "%s/%s",
                 tdkt_vocab_code(TDKT_V_AWARD, f->award),
                 f->subject == TDKT_UNIT ? "unit" : "person");
        size_t i = 0;
        while (i < ld->nkeys && strcmp(ld->keys[i], key) != 0)
            i++;
        if (i == ld->nkeys) {
            free(sorted);
            return tdkt_error_set(TDKT_ERULE,
                                  TDKT_MSG("%s: các hình thức đã thay đổi "
                                           "trong khi đang nạp",
                                           "%s: the forms changed while "
                                           "loading"),
                                  r->rs->dir);
        }
        sorted[d] = ld->refs[i];
    }
    free(ld->refs);
    ld->refs = sorted;
    return TDKT_OK;
}

static int load_forms(rt *r, void *ud)
{
    loader *ld = ud;
    tdkt_ruleset *build = ld->build;
    lua_State *L = r->L;
    register_ctor(L, "form", "form", ctor_form);
    register_ctor(L, "amend", "amend", ctor_amend);
    register_ctor(L, "criterion", "criterion", ctor_node);
    register_ctor(L, "routes", "routes", ctor_node);
    register_ctor(L, "route", "route", ctor_node);
    lua_pushcfunction(L, ctor_quota);
    rt_set_global(L, "quota");
    lua_newtable(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &FORMS_KEY);

    /* The chain, ancestor first. */
    const tdkt_ruleset *chain[16];
    int nchain = 0;
    for (const tdkt_ruleset *s = r->rs; s && nchain < 16; s = s->parent)
        chain[nchain++] = s;
    for (int i = nchain - 1; i >= 0; i--)
        for (size_t k = 0; k < chain[i]->nfiles; k++) {
            int error = load_file(r, chain[i], k);
            if (error < 0)
                return error;
        }

    lua_rawgetp(L, LUA_REGISTRYINDEX, &FORMS_KEY);
    int forms = lua_gettop(L);
    int error = sorted_keys(r, forms, ld);
    if (error < 0)
        return error;
    size_t nkeys = ld->nkeys;
    if (build) {
        ld->descs = calloc(nkeys ? nkeys : 1, sizeof *ld->descs);
        if (!ld->descs)
            return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    } else if (nkeys != r->rs->nforms) {
        return tdkt_error_set(TDKT_ERULE,
                              TDKT_MSG("%s: các hình thức đã thay đổi trong "
                                       "khi đang nạp",
                                       "%s: the forms changed while "
                                       "loading"),
                              r->rs->dir);
    }
    ld->refs = calloc(nkeys ? nkeys : 1, sizeof *ld->refs);
    if (!ld->refs)
        return tdkt_error_set(TDKT_ENOMEM, "out of memory");
    for (size_t i = 0; i < nkeys; i++) {
        lua_getfield(L, forms, ld->keys[i]);
        char code[64];
        snprintf(code, sizeof code, "%s", ld->keys[i]);
        char *slash = strchr(code, '/');
        if (slash)
            *slash = '\0';
        int nnodes = 0;
        error = compile_form(r, lua_gettop(L),
                             ld->descs ? &ld->descs[i] : NULL, code,
                             &ld->refs[i], &nnodes);
        if (error < 0)
            return error;
        lua_pop(L, 1);
    }
    lua_pop(L, 1); /* forms */
    if (!build)
        return refs_by_descriptor(r, ld);
    /* Sort descriptors by award code, and the refs with them. */
    tdkt_form *descs = ld->descs;
    int *refs = ld->refs;
    for (size_t i = 1; i < nkeys; i++)
        for (size_t j = i; j > 0 && cmp_form(&descs[j - 1], &descs[j]) > 0;
             j--) {
            tdkt_form t = descs[j];
            descs[j] = descs[j - 1];
            descs[j - 1] = t;
            int tr = refs[j];
            refs[j] = refs[j - 1];
            refs[j - 1] = tr;
        }
    build->forms = descs; /* from here on, freed with the set */
    build->nforms = nkeys;
    ld->descs = NULL;
    return rs_params_finish(build);
}

int rt_load_forms(rt *r, tdkt_ruleset *build)
{
    loader ld = {.build = build};
    int error = rt_protected(r, load_forms, &ld);
    for (size_t i = 0; i < ld.nkeys; i++)
        free(ld.keys[i]);
    free(ld.keys);
    if (ld.descs) {
        build->forms = ld.descs; /* what was built is freed with the set */
        build->nforms = ld.nkeys;
    }
    if (error < 0) {
        free(ld.refs);
        return error;
    }
    r->form_fns = ld.refs;
    return TDKT_OK;
}

/* p.x where the form has no parameter x (the __index of the real table
 * behind the frozen one; upvalue: the form's code). An error at the line
 * of the rule that reads it, naming the near names: a misspelt
 * p.strict_studis read as nil made `p.strict_studis == 1` quietly false.
 * Every parameter a form reads is declared, with its default, in the form
 * or the manifest. A key that is not text (ipairs(p) asking for p[1])
 * is still nil. */
static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int undeclared_param(lua_State *L)
{
    if (lua_type(L, 2) != LUA_TSTRING)
        return 0;
    const char *name = lua_tostring(L, 2);
    /* the near names in alphabetical order: next's order of text keys
     * differs from state to state, and an error outcome's message must
     * not */
    const char *cands[16];
    size_t ncand = 0;
    lua_pushnil(L);
    while (lua_next(L, 1)) { /* the real table: its keys are the names */
        lua_pop(L, 1);
        const char *cand =
            lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        if (cand && ncand < 16 && rs_distance(cand, name) <= 2)
            cands[ncand++] = cand; /* the table's keys: they stay */
    }
    qsort(cands, ncand, sizeof *cands, cmp_names);
    char near[256] = "";
    size_t len = 0;
    for (size_t i = 0; i < ncand; i++)
        if (len + strlen(cands[i]) + 3 < sizeof near)
            len += (size_t)snprintf(near + len, sizeof near - len, "%s%s",
                                    len ? ", " : "", cands[i]);
    return luaL_error(L,
                      RT_TR_L(L, "hình thức '%s' không có tham số '%s'%s%s",
                              "form '%s' has no parameter '%s'%s%s"),
                      lua_tostring(L, lua_upvalueindex(1)), name,
                      len ? RT_TR_L(L, "; tên gần giống: ", "; near names: ")
                          : "",
                      near);
}

/* Push the frozen parameter table of form f: set-wide parameters, then
 * the form's own (its defaults and any "code.x" override). */
int rt_push_params(rt *r, const tdkt_form *f)
{
    lua_State *L = r->L;
    const tdkt_ruleset *rs = r->rs;
    const char *code = tdkt_vocab_code(TDKT_V_AWARD, f->award);
    size_t clen = strlen(code);
    lua_newtable(L);
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < rs->nmerged; i++) {
            const rule_param *p = &rs->merged[i];
            const char *dot = strchr(p->name, '.');
            const char *key;
            if (pass == 0 && !dot)
                key = p->name;
            else if (pass == 1 && dot && (size_t)(dot - p->name) == clen &&
                     strncmp(p->name, code, clen) == 0)
                key = dot + 1;
            else
                continue;
            lua_Integer iv;
            if (p->type == LUA_TNUMBER && lua_numbertointeger(p->num, &iv) &&
                (double)iv == p->num)
                lua_pushinteger(L, iv); /* 10, not 10.0 */
            else if (p->type == LUA_TNUMBER)
                lua_pushnumber(L, p->num);
            else if (p->type == LUA_TBOOLEAN)
                lua_pushboolean(L, p->num != 0);
            else
                lua_pushstring(L, p->str);
            lua_setfield(L, -2, key);
        }
    lua_createtable(L, 0, 1);
    lua_pushstring(L, code);
    lua_pushcclosure(L, undeclared_param, 1);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    rt_freeze(L, -1);
    lua_remove(L, -2);
    return TDKT_OK;
}
