-- The tdkt prelude: the counting rules that recur across forms and
-- regimes, written once (shared/domain/README.md, "Counting rules that
-- recur"). Every helper returns pass(...), fail(...) or unknown(...) with a
-- detail that shows the values it read. Loaded into every rule state and
-- exposed, read-only, as `lib`.

local lib = {}

-- The globals the helpers call, as locals: a global read goes through the
-- chunk's sandboxed environment (a metatable lookup) on every call, an
-- upvalue does not. The helpers run for every criterion of every nomination.
local pass, fail, unknown, tr = pass, fail, unknown, tr
local format, concat = string.format, table.concat
local max, tointeger = math.max, math.tointeger
local tostring, tonumber, type, pairs, ipairs = tostring, tonumber, type, pairs, ipairs

-- Months as people write them: 9, 6.5 (not 9.0 or 6.5333).
local function months_text(m)
  if m == nil then return "?" end
  return (format("%.1f", m):gsub("%.0$", ""))
end

-- A share as the rule set gives it: 70, 66.5 (a parameter a province may
-- set to a fraction; "%d" would make that an error).
local function pct_text(p)
  local i = tointeger(p)
  return i and format("%d", i) or format("%g", p)
end

-- Is the text Vietnamese or English? tr(vi, en) picks by --lang.

-- What the codes of the vocabulary are called, {vi, en}, for a reader of
-- a detail: "2024: Hoàn thành tốt nhiệm vụ", not "2024: good". The engine
-- hands the prelude src/lib/core/vocab.c's names as its argument (a
-- rating, kind, level, scope, unit_kind and category table); the
-- launchers of a movement (fact movement_launched_by) are named here as a
-- sentence reads them ("phát động bởi Thủ tướng Chính phủ").
--
-- QUIET, the engine's second argument: this state judges for verdicts
-- alone (a dry-run diff judges every nomination so, then asks again, with
-- details, for the few criteria it prints). Each helper then returns its
-- verdict (true, false or nil, as pass, fail and unknown do) with no
-- detail, building no text: the detail is most of a helper's cost. The
-- verdict must not depend on QUIET, so every value a verdict reads, and
-- every error a helper may raise, comes before the helper looks at it.
local VOCAB, QUIET = ...
local NAMES = {
  rating = VOCAB.rating,
  kind = VOCAB.kind,
  level = VOCAB.level,
  scope = VOCAB.scope,
  unit_kind = VOCAB.unit_kind,
  category = VOCAB.category,
  launcher = {
    president = { "Chủ tịch nước", "the State President" },
    prime_minister = { "Thủ tướng Chính phủ", "the Prime Minister" },
    central_council = { "Hội đồng Thi đua - Khen thưởng Trung ương",
                        "the Central Emulation and Commendation Council" },
    ministry = { "Bộ, ban, ngành trung ương", "a ministry or central agency" },
    province = { "Ủy ban nhân dân tỉnh", "the Provincial People's Committee" },
  },
}

-- The name of `code` of the vocabulary `domain` (a key of NAMES) in the
-- run's language. No code: "not recorded"; a code the vocabulary does
-- not have (a value a regulation's new fact takes) is shown as it is.
function lib.name(domain, code)
  if code == nil then return tr("không ghi", "not recorded") end
  local e = NAMES[domain][code]
  if e == nil then return tostring(code) end
  return tr(e[1], e[2])
end

-- A rating's name, "—" for none: lib.name's answer in fewer steps (every
-- LĐTT judgement shows one, a collective's members' included).
local RATINGS = NAMES.rating
local function rating_name(r)
  if r == nil then return "—" end
  local e = RATINGS[r]
  return e and tr(e[1], e[2]) or r
end

-- The years y1..y2 and their ratings, by name, a run of years alike said
-- once (the names are long): "2020–2022: Hoàn thành xuất sắc nhiệm vụ,
-- 2023: —". s:ratings (the rule API) says it with the codes.
function lib.ratings(s, y1, y2)
  if y2 <= y1 then -- one year (LĐTT's standard, judged for every member)
    return y2 < y1 and "" or y1 .. ": " .. rating_name(s:rating(y1))
  end
  local out, from, prev = nil, y1, s:rating(y1)
  for y = y1 + 1, y2 + 1 do
    local r = false -- past the last year: ends the run
    if y <= y2 then r = s:rating(y) end
    if r ~= prev then
      local part = (from == y - 1 and from or from .. "–" .. (y - 1)) ..
                   ": " .. rating_name(prev)
      out = out and out .. ", " .. part or part
      from, prev = y, r
    end
  end
  return out
end

-- "N consecutive years at LEVEL or better, ending at year Y": the streak
-- ends at the nomination's year and breaks at any year below the level;
-- a missing year is not a pass.
function lib.consecutive(s, level, y, n)
  local got = s:streak(level, y)
  if QUIET then return got >= n end
  local shown = lib.ratings(s, y - n + 1, y)
  if got >= n then
    return pass(shown)
  end
  return fail(shown .. format(tr(" (cần %s năm liên tục %s)",
    " (needs %s consecutive years: %s)"), n, rating_name(level)))
end

-- The year of the latest honour `code` (kinds as opt) of a year up to
-- `upto`: an honour of a later year (conferred since, or ahead) is not an
-- earlier one, and must not hide one.
local function latest_upto(s, code, upto, opt)
  return s:latest(code, opt, upto)
end

-- n years since `last`, the year of the honour `code` (nil: none).
local function since(code, last, y, n, none)
  if QUIET then return last and y - last >= n or false end
  if not last then
    return fail(none or tr("chưa có " .. code, "no " .. code .. " yet"))
  end
  if y - last >= n then
    return pass(code .. " " .. last)
  end
  return fail(code .. " " .. last .. tr(" (cần cách " .. n .. " năm)",
                                        " (needs " .. n .. " years after)"))
end

-- At least n years since the latest honour `code` (kinds as s:latest) of
-- a year up to y. The window "after" an earlier award starts after that
-- award's year. Without such an honour it fails: with the text `none`
-- when the form names the honour in its own words, else "no CODE yet".
function lib.years_since(s, code, y, n, opt, none)
  return since(code, latest_upto(s, code, y, opt), y, n, none)
end

-- Regime B (NĐ 98 Điều 30 k9): the window of `years` years ending at y
-- starts after the previous award of this very title `code` (kinds as
-- s:latest), if there is one; a first award has no window to respect.
-- An honour `code` of year y is the award being judged (once conferred),
-- not a previous one.
function lib.after_previous(s, code, y, years, opt)
  local last = latest_upto(s, code, y - 1, opt)
  if not last then
    if QUIET then return true end
    return pass(tr("chưa có " .. code .. " trước đó", "no earlier " .. code))
  end
  return since(code, last, y, years)
end

-- Regime B: holds the prerequisite honour `code` by year y, of a kind that
-- may found this award (opt: NĐ 98 Điều 4 excludes thematic and ad-hoc
-- honours, which the failure names when they are all the subject holds).
function lib.holds_prerequisite(s, code, y, opt)
  local last = latest_upto(s, code, y, opt)
  if QUIET then return not not last end
  if last then return pass(code .. " " .. last) end
  local c, t = s:honours{ code = code, to = y }
  if c > 0 then
    return fail(tr("chỉ có khen thưởng chuyên đề, đột xuất: ",
        "only thematic or ad-hoc: ") .. t)
  end
  return fail(tr("chưa có " .. code, "no " .. code))
end

-- The first year after the honour `code` (kinds as opt) when it falls in
-- first..y; else first.
local function after_award(s, code, y, first, opt)
  local prev = latest_upto(s, code, y, opt)
  if prev and prev >= first then return prev + 1 end
  return first
end

-- Regime B: the first year of the run rated `level` or better ending at y
-- that may still count: after the previous awards `after` (a code or a
-- list; NĐ 98 Điều 30 k9) and after any disciplinary period (NĐ 98
-- Điều 4). Returns a year, not a result.
function lib.run_start(s, level, y, after, opt)
  local first = y - s:streak(level, y) + 1
  if type(after) == "table" then
    for _, code in ipairs(after) do first = after_award(s, code, y, first, opt) end
  else
    first = after_award(s, after, y, first, opt)
  end
  return lib.counting_from(s, first, y)
end

-- Regime B (Luật 2022 Điều 73 k1 b, Điều 44 k1 e): `times` titles `code`
-- (kinds as opt) within the years rated good or better that still count
-- (lib.run_start).
function lib.titles_in_good_run(s, code, y, times, after, opt)
  local from = lib.run_start(s, "good", y, after, opt)
  if from > y then
    if QUIET then return false end
    return fail(tr("không còn năm hoàn thành tốt nào được tính",
        "no good year that still counts"))
  end
  return lib.honours(s, code, from, y, times, opt)
end

-- Regime A (NĐ 91): the first year of the window "in that time": the run
-- of years rated `level` or better ending at y, reaching back at least
-- `years`, and after the honours `after` (a code or a list; kinds as opt)
-- when given. Returns a year, not a result.
function lib.run_from(s, level, y, years, after, opt)
  local from = y - max(s:streak(level, y), years) + 1
  if type(after) == "table" then
    for _, code in ipairs(after) do from = after_award(s, code, y, from, opt) end
  elseif after ~= nil then
    from = after_award(s, after, y, from, opt)
  end
  return from
end

-- Regime A (TT 08/2017/TT-BNV [P]): at most one state-level award a year
-- for a subject. The awards of the State (CSTĐ toàn quốc, Cờ thi đua của
-- Chính phủ, Bằng khen của Thủ tướng, Huân chương); the kinds outside the
-- limit (đặc biệt xuất sắc đột xuất, cống hiến, niên hạn), whether the one
-- proposed or one held. The award being judged is not "another" one.
local STATE_AWARDS = { "cstd_tq", "co_cp", "bk_ttg", "hcld3", "hcld2", "hcld1" }
local OUTSIDE_LIMIT = { "ad_hoc", "dedication", "seniority" }
local OUTSIDE_LIMIT_SET = {}
for _, kind in ipairs(OUTSIDE_LIMIT) do OUTSIDE_LIMIT_SET[kind] = true end

function lib.one_state_award_a_year(s, n)
  local kind = n.kind or "merit"
  if OUTSIDE_LIMIT_SET[kind] then
    if QUIET then return true end
    return pass(lib.name("kind", kind) ..
                tr(": ngoài giới hạn một lần mỗi năm", ": outside the once-a-year limit"))
  end
  local got = s:honours{ code = STATE_AWARDS, from = n.year, to = n.year,
                         exclude_kinds = OUTSIDE_LIMIT }
  if QUIET then return got == 0 end
  if got == 0 then
    return pass(tr("chưa có khen thưởng cấp Nhà nước khác năm ",
                   "no other State award in ") .. n.year)
  end
  return fail(format(tr("đã có %d khen thưởng cấp Nhà nước năm %d",
                        "already %d State award(s) in %d"), got, n.year))
end

-- The person's category is one of `set` (a record, not a judgement: a
-- missing category fails).
function lib.category_in(s, set)
  if QUIET then return not not (s.category and set[s.category]) end
  local name = lib.name("category", s.category)
  if s.category and set[s.category] then return pass(name) end
  return fail(tr("đối tượng ", "category ") .. name)
end

-- Regime A (NĐ 91 Điều 13): the kind of nomination is one whose criteria
-- the form encodes (`encoded`, a set), in which case this route fails and
-- the standards above judge it; another kind needs a person.
function lib.kind_not_encoded(n, encoded)
  local kind = n.kind or "merit"
  if QUIET then
    if encoded[kind] then return false end
    return nil
  end
  local name = lib.name("kind", kind)
  if encoded[kind] then
    return fail(name .. tr(": xét theo các tiêu chuẩn trên",
      ": judged by the standards above"))
  end
  return unknown(name .. tr(": tiêu chuẩn chưa được mã hóa",
    ": its standard is not encoded"))
end

-- Regime A: the nomination is of the kind `kind` (a route for the review
-- of a movement, thematic; or for an ad-hoc feat): the kind's name (and
-- the campaign's, when it names one), else the kind it is.
function lib.kind_is(n, kind)
  local k = n.kind or "merit"
  if QUIET then return k == kind end
  if k == kind then
    return pass(lib.name("kind", k) .. (n.campaign and (": " .. n.campaign) or ""))
  end
  return fail(tr("Loại khen thưởng: ", "Kind: ") .. lib.name("kind", k))
end

-- Regime B (Luật 2022 Điều 8): the kind of nomination is one whose
-- criteria the form encodes (`encoded`, a set); resistance honours are no
-- type under Điều 8 (Điều 96 continues them); another kind needs a person.
function lib.kind_encoded(n, encoded)
  local k = n.kind or "merit"
  if QUIET then
    if encoded[k] then return true end
    return nil
  end
  if encoded[k] then return pass(lib.name("kind", k)) end
  if k == "resistance" then
    return unknown(tr("kháng chiến: không thuộc các loại hình của Điều 8; "
      .. "Điều 96 chỉ tiếp tục xét chuyển tiếp, tiêu chí chưa mã hóa",
      "resistance: not a type under Điều 8; Điều 96 continues it as a "
      .. "transitional task, criteria not encoded"))
  end
  return unknown(lib.name("kind", k) .. tr(": tiêu chí của loại hình này chưa được mã hóa",
    ": the criteria of this kind are not encoded"))
end

-- The facts whose values are codes of a vocabulary (NAMES), shown by name.
local FACT_VOCABULARY = { influence_scope = "scope", movement_launched_by = "launcher" }

-- The attested value of `key` for year y is one of `set` (e.g. the
-- influence_scope values an article names); missing is unknown.
function lib.fact_in(s, key, y, set)
  local v = s:fact(key, y)
  if QUIET then
    if v == nil then return nil end
    return not not set[v]
  end
  if v == nil then
    return unknown(tr("chưa có xác nhận '" .. key .. "' năm ",
        key .. " not attested for ") .. y)
  end
  local vocabulary = FACT_VOCABULARY[key]
  local d = key .. " " .. (vocabulary and lib.name(vocabulary, v) or tostring(v))
  if set[v] then return pass(d) end
  return fail(d)
end

-- Regime A: the influence of the achievements (fact influence_scope, on
-- the scale unit < province < national) reaches `min`; a missing or
-- unknown scope is for a person to judge.
local SCOPE = { unit = 1, province = 2, national = 3 }
function lib.influence_at_least(s, y, min)
  local v = s:fact("influence_scope", y)
  if QUIET then
    if v == nil or SCOPE[v] == nil then return nil end
    return SCOPE[v] >= SCOPE[min]
  end
  if v == nil then
    return unknown(format(tr("Chưa có đánh giá phạm vi ảnh hưởng "
      .. "(influence_scope) năm %d", "No influence scope (influence_scope) "
      .. "attested for %d"), y))
  end
  if SCOPE[v] == nil then
    return unknown(format(tr("influence_scope không hợp lệ: %s",
      "influence_scope is not a scope: %s"), tostring(v)))
  end
  local d = format(tr("Phạm vi ảnh hưởng: %s", "Influence scope: %s"),
                   lib.name("scope", v))
  if SCOPE[v] >= SCOPE[min] then
    return pass(d)
  end
  return fail(d)
end

-- Regime A: the movement of the nomination (fact movement_years) was
-- reviewed after at least `min` years; missing is for a person to judge.
function lib.movement_years_at_least(n, min)
  local v = n:fact("movement_years")
  if v == nil then
    if QUIET then return nil end
    return unknown(tr("Chưa có thời gian của phong trào thi đua (movement_years)",
      "The movement's duration (movement_years) is not recorded"))
  end
  local years = tonumber(v)
  if QUIET then
    if years == nil then return nil end
    return years >= min
  end
  if years == nil then
    return unknown(format(tr("movement_years không phải là số: %s",
      "movement_years is not a number: %s"), tostring(v)))
  end
  local detail = format(tr("Phong trào sơ kết, tổng kết sau %s năm",
    "Movement reviewed after %s year(s)"), tostring(years))
  if years >= min then
    return pass(detail)
  end
  return fail(detail)
end

-- Regime B: a fact of the movement a nomination comes from that nobody
-- recorded. A nomination that names its movement (n.campaign) waits for
-- a person to record it (unknown); one that names none comes from no
-- movement (fail). `what`: the fact, as {vi, en}.
function lib.movement_missing(n, what)
  if QUIET then
    if n.campaign then return nil end
    return false
  end
  if n.campaign then
    return unknown(tr("phong trào " .. n.campaign .. ": chưa ghi " .. what[1],
                      "movement " .. n.campaign .. ": " .. what[2] ..
                      " not recorded"))
  end
  return fail(tr("không có phong trào thi đua", "no movement recorded"))
end

-- Regime A: the movement of the nomination was launched by one of
-- `launchers` (a set; fact movement_launched_by); missing is for a person
-- to judge.
function lib.launched_by(n, launchers)
  local who = n:fact("movement_launched_by")
  if QUIET then
    if who == nil then return nil end
    return not not launchers[who]
  end
  if who == nil then
    return unknown(tr("Chưa có cấp phát động phong trào (movement_launched_by)",
      "Who launched the movement (movement_launched_by) is not recorded"))
  end
  local d = format(tr("Phát động: %s", "Launched by: %s"), lib.name("launcher", who))
  if launchers[who] then
    return pass(d)
  end
  return fail(d)
end

-- Regime A (Luật 2003 Điều 27, 28): no member of the collective (opt as
-- s:members) disciplined at or above `level` (the warning the articles
-- name) in year y.
function lib.no_member_disciplined(s, y, level, opt)
  local k = s:members_disciplined(level, y, opt)
  if QUIET then return k == 0 end
  if k == 0 then
    return pass(format(tr("Không có thành viên bị kỷ luật năm %d",
      "No member disciplined in %d"), y))
  end
  -- the level named as a sentence says it: "từ cảnh cáo trở lên" (the
  -- names begin with a capital, which is ASCII in every one)
  return fail(format(tr("%d thành viên bị kỷ luật từ %s trở lên năm %d",
    "%d member(s) disciplined at %s level or above in %d"), k,
    lib.name("level", level):lower(), y))
end

-- The collective's own rating for y is `level` or better; a collective
-- without a recorded rating is for a person to judge.
function lib.unit_rated(s, y, level)
  if s:rating(y) == nil then
    if QUIET then return nil end
    return unknown(format(tr("tập thể chưa có xếp loại năm %d",
      "no rating recorded for %d"), y))
  end
  return lib.consecutive(s, level, y, 1)
end

-- `count` members out of the year's members (opt as s:members) against
-- pct% ("more than" when strict); `unsure` more members may count once a
-- person decides (members_meeting's third answer), so the share is unknown
-- when only they could reach it.
function lib.member_share(s, y, count, unsure, what, pct, strict, opt)
  local total = s:members(y, opt)
  if total == 0 then
    if QUIET then return nil end
    return unknown(format(tr("chưa có danh sách cá nhân năm %d",
      "no members recorded for %d"), y))
  end
  local function reaches(c)
    if strict then return c * 100 > pct * total end
    return c * 100 >= pct * total
  end
  if QUIET then
    if reaches(count) then return true end
    if unsure > 0 and reaches(count + unsure) then return nil end
    return false
  end
  local d = format(tr("%d/%d cá nhân %s (cần %s %s%%)",
    "%d of %d members %s (needs %s %s%%)"), count, total, what,
    strict and tr("trên", "more than") or tr("ít nhất", "at least"),
    pct_text(pct))
  if reaches(count) then return pass(d) end
  if unsure > 0 and reaches(count + unsure) then
    return unknown(d .. format(tr("; %d cá nhân chưa xác định",
      "; %d member(s) undecided"), unsure))
  end
  return fail(d)
end

-- At least `need` members (opt as s:members) meet this rule set's form
-- `code` for year y (`label`: its name in the detail); unknown when the
-- members still undecided (members_meeting's third answer) could reach it.
function lib.members_at_least(s, code, y, need, label, opt)
  local c, _, unsure = s:members_meeting(code, y, opt)
  if QUIET then
    if c >= need then return true end
    if c + unsure >= need then return nil end
    return false
  end
  local d = format(tr("%d cá nhân đạt %s năm %d",
    "%d member(s) %s in %d"), c, label, y)
  if c >= need then return pass(d) end
  if c + unsure >= need then
    return unknown(d .. format(tr("; %d cá nhân chưa xác định",
      "; %d member(s) undecided"), unsure))
  end
  return fail(d)
end

-- The rank (numeric fact `key`, 1 leads) for year y is at most `max`;
-- `missing` (unknown unless given, e.g. fail) says what an absent rank
-- means.
function lib.rank_at_most(s, y, key, max, missing)
  local r = s:fact(key, y)
  if QUIET then
    if r == nil then return (missing or unknown)() end
    if type(r) ~= "number" or not tointeger(r) then return nil end
    return r <= max
  end
  if r == nil then
    return (missing or unknown)(format(tr("chưa có xác nhận '%s' năm %d",
      "%s not attested for %d"), key, y))
  end
  if type(r) ~= "number" or not tointeger(r) then
    return unknown(format(tr("%s = %s không phải thứ hạng",
      "%s = %s is not a rank"), key, tostring(r)))
  end
  local d = format(tr("%s %d năm %d", "%s %d in %d"), key, r, y)
  if r <= max then return pass(d) end
  return fail(d)
end

-- The collective ranks at most `most` (1: it leads) in its emulation bloc
-- (khối, cụm thi đua) for year y; `missing` as rank_at_most. The ranking is
-- made within the bloc (NĐ 91 Điều 12; kontum-notes CTĐT-1), so a rank that
-- would pass, held by a unit with no bloc recorded (units.csv, bloc), is
-- one nobody can place: a person must decide. A rank that fails fails in
-- any bloc.
function lib.leads_bloc(s, y, most, missing)
  local result, detail = lib.rank_at_most(s, y, "bloc_rank", most, missing)
  if result == false then return result, detail end
  local bloc = s.bloc
  if QUIET then
    if bloc == nil then return nil end
    return result
  end
  if bloc == nil then
    return unknown(detail .. tr("; đơn vị chưa ghi khối, cụm thi đua "
      .. "(units.csv, cột bloc)", "; no emulation bloc recorded for the unit "
      .. "(units.csv, column bloc)"))
  end
  return result, detail .. tr("; khối, cụm: ", "; bloc: ") .. bloc
end

-- A value of a yes-or-no fact that is neither 1 nor 0 ("có", "x"): the
-- import refuses it for the keys vocabulary.md lists, but a key a
-- regulation adds takes any text. Nobody attested yes or no: a person
-- must decide.
local function neither(key, v)
  return unknown(format(tr("%s = '%s': không phải 1 hay 0",
    "%s = '%s': neither 1 nor 0"), key, tostring(v)))
end

-- An attested fact that must be 1: 0 fails; missing is unknown (a person
-- must decide), never a failure.
function lib.fact_true(s, key, y)
  local v = s:fact(key, y)
  if QUIET then
    if v == 1 or v == "1" then return true end
    if v == 0 or v == "0" then return false end
    return nil
  end
  if v == nil then
    return unknown(tr("chưa có xác nhận '" .. key .. "'",
                      "'" .. key .. "' not attested"))
  end
  if v == 1 or v == "1" then
    return pass(key .. " = 1")
  end
  if v == 0 or v == "0" then
    return fail(key .. " = 0")
  end
  return neither(key, v)
end

-- A fact that bars when 1 (e.g. under_review): missing passes, since
-- nobody reported it.
function lib.fact_not(s, key, y)
  local v = s:fact(key, y)
  if QUIET then
    if v == 1 or v == "1" then return false end
    if v == nil or v == 0 or v == "0" then return true end
    return nil
  end
  if v == 1 or v == "1" then
    return fail(key .. " = 1")
  end
  if v == nil then
    return pass(tr("không có", "none"))
  end
  if v == 0 or v == "0" then
    return pass(key .. " = 0")
  end
  return neither(key, v)
end

-- New hires below a minimum get no title that year; maternity leave,
-- duty-injury treatment and training count as months worked.
function lib.months_ok(s, y, min)
  local m = s:months(y)
  if QUIET then return m ~= nil and m >= min end
  if m == nil then
    return fail(tr("không có đánh giá năm " .. y, "no appraisal for " .. y))
  end
  local shown = months_text(m)
  if m >= min then
    return pass(shown .. tr(" tháng", " months"))
  end
  return fail(shown .. " < " .. min .. tr(" tháng", " months"))
end

-- "No title for a new hire of under MIN months" (NĐ 91 Đ10 k6: 10;
-- TT 01/2024 Đ1 k5 d: 6): only the year of hiring is judged by months;
-- an established employee off sick is not a new hire. Without a hire
-- date, a full count of months passes and a short one needs a person.
function lib.new_hire_ok(s, y, min)
  local hired = s.hired
  if hired == nil then
    local m = s:months(y)
    if m ~= nil and m >= min then
      if QUIET then return true end
      return pass(tr(months_text(m) .. " tháng năm " .. y .. " (không có ngày tuyển dụng)",
                     months_text(m) .. " months in " .. y .. " (no hire date)"))
    end
    if QUIET then return nil end
    return unknown(tr("không có ngày tuyển dụng; " .. months_text(m) ..
                      " tháng năm " .. y,
                      "no hire date; " .. months_text(m) .. " months in " .. y))
  end
  local hired_year = tonumber(hired:sub(1, 4))
  if QUIET and hired_year ~= y then return hired_year < y end
  if hired_year < y then
    return pass(tr("tuyển dụng ", "hired ") .. hired ..
                tr(", không phải người mới tuyển dụng", ", not a new hire"))
  end
  if hired_year > y then
    return fail(tr("tuyển dụng " .. hired .. ", sau năm " .. y,
                   "hired " .. hired .. ", after " .. y))
  end
  return lib.months_ok(s, y, min)
end

-- Regime B (NĐ 98 Đ4): achievements count only from the end of the
-- disciplinary period: year y counts only if every measure dated by the
-- end of y had ended before y began.
function lib.after_discipline(s, y)
  local first = lib.counting_from(s, y, y)
  if QUIET then return first <= y end
  if first <= y then
    return pass(tr("không trong thời hạn kỷ luật", "outside any disciplinary period"))
  end
  local ends = s:discipline_end(nil, y)
  return fail(tr("thời hạn kỷ luật kết thúc " .. ends ..
                 "; thành tích tính từ năm " .. first,
                 "disciplinary period ends " .. ends ..
                 "; achievements count from " .. first))
end

-- No disciplinary measure at or above `level` dated in year y. (Counted
-- first: the list is only built for the detail of a failure.)
function lib.no_discipline(s, y, level)
  local measures = s:count_disciplines(y, y, level)
  if QUIET then return measures == 0 end
  if measures == 0 then
    return pass(tr("không bị kỷ luật năm ", "no measure in ") .. y)
  end
  local _, text = s:disciplines{ from = y, to = y, level = level }
  -- "2024-03-15: reprimand, …": the rule API names the levels by code;
  -- the reader gets their names (as lib.ratings does for ratings).
  return fail((text:gsub("(%d%d%d%d%-%d%d%-%d%d): ([%l_]+)",
    function(date, code) return date .. ": " .. lib.name("level", code) end)))
end

-- The first year that counts after disciplinary periods (regime B: NĐ 98
-- Đ4): achievements count only from the end of the period, so the first
-- whole year after it. Only measures dated by the end of year `upto` (the
-- achievement year judged) matter; a later one cannot reach back. Returns a
-- year, not a result.
function lib.counting_from(s, y1, upto)
  local ends = s:discipline_end(nil, upto)
  if not ends then
    return y1
  end
  local after = tonumber(ends:sub(1, 4)) + 1
  return after > y1 and after or y1
end

-- Regime B (NĐ 98 Đ4): a window of `years` years ending at y may not
-- reach back before the end of a disciplinary period.
function lib.window_after_discipline(s, y, years)
  local first = y - years + 1
  local from = lib.counting_from(s, first, y)
  if QUIET then return from <= first end
  if from > first then
    return fail(format(tr("thành tích chỉ tính từ năm %d (hết thời "
      .. "hạn kỷ luật); cần %d–%d", "achievements count from %d (end of a "
      .. "disciplinary period); needs %d–%d"), from, first, y))
  end
  return pass(format(tr("%d–%d không vướng thời hạn kỷ luật",
    "%d–%d clear of disciplinary periods"), first, y))
end

-- The title `code` for year y: already conferred (of a kind not excluded),
-- or the subject meets this rule set's form for it (an annual round judges
-- before the titles are conferred).
function lib.holds_or_meets(code, s, n, y, exclude)
  local count, years = s:honours{ code = code, from = y, to = y, exclude_kinds = exclude }
  if count > 0 then
    if QUIET then return true end
    return pass(tr("Đã được tặng " .. code .. " năm " .. years,
                   code .. " conferred for " .. years))
  end
  return meets(code, s, n, y)
end

-- At least n initiatives recognised in y1..y2 at or above `scope`.
function lib.initiatives(s, y1, y2, scope, n, opt)
  local o = { from = y1, to = y2, scope = scope }
  if opt then
    for k, v in pairs(opt) do o[k] = v end
  end
  local got, ids = s:initiatives(o)
  if QUIET then return got >= n end
  local shown = got .. tr(" sáng kiến", " initiatives") ..
                (got > 0 and (" (" .. ids .. ")") or "")
  if got >= n then
    return pass(shown)
  end
  return fail(shown .. tr(", cần " .. n, ", needs " .. n))
end

-- At least n titles `code` (a code or a list) in y1..y2 (opt: kinds,
-- exclude_kinds): a title is one a year, so two records of one code and
-- year (of two kinds) count once.
function lib.honours(s, code, y1, y2, n, opt)
  local o = { code = code, from = y1, to = y2, per_year = true }
  if opt then
    for k, v in pairs(opt) do o[k] = v end
  end
  local got, years = s:honours(o)
  if QUIET then return got >= n end
  local shown = got .. " × " .. (type(code) == "table" and concat(code, "/") or code) ..
                (got > 0 and (" (" .. years .. ")") or "")
  if got >= n then
    return pass(shown)
  end
  return fail(shown .. tr(", cần " .. n, ", needs " .. n))
end

-- Several results at once: all must pass (three-valued AND), details
-- joined. Each argument is a {result, detail} pair: lib.all({a()}, {b()}).
function lib.all(...)
  local res, parts = true, {}
  for i = 1, select("#", ...) do
    local r = select(i, ...)
    if r[1] == false then
      res = false
    elseif r[1] == nil and res ~= false then
      res = nil
    end
    parts[#parts + 1] = r[2]
  end
  return res, concat(parts, "; ")
end

return lib
