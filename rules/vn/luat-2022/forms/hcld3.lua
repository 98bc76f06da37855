-- Huân chương Lao động hạng Ba (cá nhân; tập thể), regime B: two forms, one
-- per kind of subject.
--
-- Luật Thi đua, khen thưởng 2022, Điều 44:
--   khoản 1 điểm e [V-en; the exact Vietnamese wording was not read: U]:
--     holds a Bằng khen của Thủ tướng Chính phủ, then at least 05
--     consecutive years up to the proposal rated "hoàn thành tốt nhiệm vụ
--     trở lên", within which at least 01 year "hoàn thành xuất sắc nhiệm
--     vụ" and 03 times Chiến sĩ thi đua cơ sở (English rendering of a MoHA
--     answer; the "01 year excellent" element may be a translation
--     artefact). No sáng kiến is required (cases D13, D14).
--   khoản 2 [V, cut off]: công nhân, nông dân, one of: outstanding at the
--     sơ kết / tổng kết of a ministry or province movement of 05 years or
--     more; inventions, patents or S&T works applied with ministry or
--     province influence; many contributions to socio-economic development,
--     social security, charity, technology; an outstanding ad-hoc
--     achievement … (cut off: such a nomination goes to review).
--   khoản 1 a–d (other individual points): not read [U]. Point e judges
--     the record of years (merit); the achievements of a movement or an
--     ad-hoc feat are for the unread points. So a thematic or ad-hoc
--     nomination that neither point e nor khoản 2 carries goes to review
--     (route k1_a_d, unknown), and a merit one is judged by point e and
--     khoản 2 alone. READING, not read: that points a–d judge no merit
--     nomination; if they do, k1_a_d must answer unknown for merit too.
--     The form's `kinds` is not narrowed to merit for this: the engine
--     then skips every criterion, so the bar of NĐ 98 Điều 4 and the
--     khoản 2 routes (a worker's movement or ad-hoc feat) would go
--     unjudged.
--   khoản 1 f, g (quá trình cống hiến, detailed by decree [P]): not read or
--     not encodable from what was read; dedication nominations go to
--     review through kind_encoded.
--   khoản 3 onward (collectives; domain lists khoản 3–6 as [U]): not read.
--     The second form, for units, judges only the bar of NĐ 98 Điều 4 and
--     the kinds, and sends every other nomination to review (criterion
--     unit_standard, [U]).
-- NĐ 98/2023/NĐ-CP:
--   Điều 4 [V]: no award while a review is pending; thematic and ad-hoc
--     honours are no basis for it; achievements count only from the end of
--     a disciplinary period (clause U).
--   Điều 30, khoản 9 [V]: the five years start after the achievement period
--     of the Bằng khen của Thủ tướng.
--
-- Facts read: outstanding (person); movement_launched_by, movement_years
-- (nomination). NEW KEY (not yet in vocabulary.md): major_contribution.
-- ASSUMPTION: the invention of khoản 2 is looked for in the last
-- `invention_window_years` years (no span in the text read).
-- Not encoded: at most one State award a year, which regime A encodes
-- (TT 08/2017, [P]); no such rule was read for NĐ 98 (national-criteria.md
-- §4.1: [U]).

local PREREQ = { exclude_kinds = { "thematic", "ad_hoc" } }  -- NĐ 98 Điều 4
local ENCODED = { merit = true, thematic = true, ad_hoc = true }
-- khoản 2 subjects: công nhân, nông dân (people.csv category)
local K2 = { worker = true, farmer = true }

-- NĐ 98 Điều 4: a window of `years` years ending at y may not reach back
-- before the end of a disciplinary period.
local after_discipline = lib.window_after_discipline -- shared rule (prelude)

-- The criteria both forms share (persons, units), built fresh for each form
-- so that an amendment of one leaves the other alone.
local function not_under_review()
  return criterion "not_under_review" {
    basis  = "NĐ 98/2023/NĐ-CP, Điều 4",
    status = "V",
    vi = "Không trong thời gian đang bị xem xét kỷ luật, điều tra, thanh tra, "
      .. "kiểm tra hoặc có khiếu nại, tố cáo đang được xác minh",
    en = "No disciplinary review, investigation, inspection or complaint "
      .. "pending",
    check = function(s, n, p)
      return lib.fact_not(s, "under_review", n.year)
    end,
  }
end

local function kind_encoded()
  return criterion "kind_encoded" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 8",
    status = "V-en",
    vi = "Loại hình khen thưởng có tiêu chí được mã hóa (theo công trạng, "
      .. "theo phong trào thi đua, đột xuất)",
    en = "A kind of commendation whose criteria are encoded (merit, "
      .. "movement, ad hoc)",
    check = function(s, n, p)
      return lib.kind_encoded(n, ENCODED)
    end,
  }
end

---------------------------------------------------------------- individuals

form "hcld3" {
  kinds   = { "merit", "thematic", "ad_hoc" },  -- other kinds: a person decides
  subject = "person",
  name    = { vi = "Huân chương Lao động hạng Ba",
              en = "Third-class Labour Order" },
  basis   = "Luật Thi đua, khen thưởng 2022, Điều 44",
  params  = {
    -- khoản 1 điểm e [V-en; wording U]: at least 05 consecutive years good
    -- or better up to the proposal, with at least 01 excellent year and
    -- 03 CSTĐCS titles in that time
    good_years = 5,
    excellent_years = 1,
    cstd_cs_times = 3,
    -- khoản 2 [V]: a ministry or province movement of at least 05 years;
    -- an invention or S&T work with ministry or province influence
    movement_years = 5,
    inventions = 1,
    -- ASSUMPTION, not in the text read: the years in which that invention
    -- may fall (the span of khoản 1 điểm e)
    invention_window_years = 5,
  },

  not_under_review(),
  kind_encoded(),

  routes "standard" {
    vi = "Đạt một trong các tiêu chuẩn của Điều 44",
    en = "One of the standards of Article 44",

    route "k1_a_d" {
      vi = "Điểm a–d khoản 1 (thành tích theo phong trào thi đua, đột xuất): "
        .. "chưa đọc được",
      en = "Points a–d of clause 1 (movement or ad-hoc achievements): not "
        .. "read",
      criterion "k1_a_d_unread" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 44, khoản 1, điểm a–d",
        status = "U",
        vi = "Đạt một trong các tiêu chuẩn tại điểm a–d khoản 1 Điều 44 đối "
          .. "với khen thưởng theo phong trào thi đua, đột xuất (chưa đọc "
          .. "được; khen thưởng theo công trạng xét theo điểm e, khoản 2)",
        en = "Meets one of points a–d of Article 44(1), for a movement or "
          .. "ad-hoc nomination (not read; a merit nomination is judged by "
          .. "point e and clause 2)",
        check = function(s, n, p)
          if n.kind == "thematic" or n.kind == "ad_hoc" then
            return unknown(lib.name("kind", n.kind) .. tr(": tiêu chuẩn tại điểm a–d khoản 1 "
              .. "Điều 44 chưa đọc được; cần người xét", ": points a–d of "
              .. "Article 44(1) were not read; a person decides"))
          end
          return fail(lib.name("kind", n.kind) .. tr(": xét theo điểm e khoản 1 và "
            .. "khoản 2", ": judged by point e of clause 1 and clause 2"))
        end,
      },
    },

    route "k1_e" {
      vi = "Bằng khen của Thủ tướng, 05 năm hoàn thành tốt nhiệm vụ trở lên, "
        .. "01 năm xuất sắc và 03 lần Chiến sĩ thi đua cơ sở",
      en = "PM's Certificate, five good years, one excellent year and three "
        .. "Grassroots Emulation Fighter titles",
      criterion "e_bk_ttg" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 44, khoản 1, điểm e",
        status = "V-en",
        vi = "Đã được tặng Bằng khen của Thủ tướng Chính phủ (không tính khen "
          .. "thưởng theo chuyên đề, đột xuất)",
        en = "Holds a Prime Minister's Certificate of Merit (not a thematic "
          .. "or ad-hoc one)",
        check = function(s, n, p)
          return lib.holds_prerequisite(s, "bk_ttg", n.year, PREREQ)
        end,
      },
      criterion "e_five_years_good" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 44, khoản 1, điểm e",
        status = "V-en",
        vi = "Sau đó có liên tục từ 05 năm trở lên đến thời điểm đề nghị được "
          .. "công nhận hoàn thành tốt nhiệm vụ trở lên",
        en = "Rated good or better for five or more consecutive years up to "
          .. "the year",
        check = function(s, n, p)
          return lib.consecutive(s, "good", n.year, p.good_years)
        end,
      },
      criterion "e_after_bk_ttg" {
        basis  = "NĐ 98/2023/NĐ-CP, Điều 30, khoản 9",
        status = "V",
        vi = "Các năm được tính sau thời gian đạt thành tích của Bằng khen của "
          .. "Thủ tướng Chính phủ",
        en = "The five years fall after the Prime Minister's Certificate",
        check = function(s, n, p)
          return lib.years_since(s, "bk_ttg", n.year, p.good_years, PREREQ)
        end,
      },
      criterion "e_after_discipline" {
        basis  = "NĐ 98/2023/NĐ-CP, Điều 4",
        status = "V",
        vi = "Thành tích chỉ được tính từ khi hết thời hạn kỷ luật",
        en = "Achievements count only from the end of a disciplinary period",
        check = function(s, n, p)
          return after_discipline(s, n.year, p.good_years)
        end,
      },
      criterion "e_excellent_year" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 44, khoản 1, điểm e",
        status = "V-en",
        vi = "Trong thời gian đó có ít nhất 01 năm hoàn thành xuất sắc nhiệm vụ",
        en = "At least one excellent year in those years",
        check = function(s, n, p)
          local from = lib.run_start(s, "good", n.year, "bk_ttg", PREREQ)
          if from > n.year then
            return fail(tr("không còn năm hoàn thành tốt nào được tính",
                "no good year that still counts"))
          end
          local c = s:count_rated("excellent", from, n.year)
          local d = string.format(tr("%d năm xuất sắc: %s",
              "%d excellent year(s): %s"), c,
            lib.ratings(s, from, n.year))
          if c >= p.excellent_years then return pass(d) end
          return fail(d)
        end,
      },
      criterion "e_three_cstd_cs" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 44, khoản 1, điểm e",
        status = "V-en",
        vi = "Trong thời gian đó có 03 lần được tặng danh hiệu Chiến sĩ thi "
          .. "đua cơ sở (không tính khen thưởng theo chuyên đề, đột xuất)",
        en = "Three Grassroots Emulation Fighter titles in those years",
        check = function(s, n, p)
          return lib.titles_in_good_run(s, "cstd_cs", n.year, p.cstd_cs_times,
            "bk_ttg", PREREQ)
        end,
      },
    },

    route "k2_movement" {
      vi = "Công nhân, nông dân tiêu biểu trong phong trào thi đua từ 05 năm",
      en = "A worker or farmer outstanding in a movement of five years",
      criterion "k2_movement_subject" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 44, khoản 2",
        status = "V",
        vi = "Là công nhân, nông dân",
        en = "A worker or farmer",
        check = function(s, n, p)
          return lib.category_in(s, K2)
        end,
      },
      criterion "k2_movement_five_years" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 44, khoản 2",
        status = "V",
        vi = "Phong trào thi đua do bộ, ban, ngành, tỉnh phát động, sơ kết, "
          .. "tổng kết từ 05 năm trở lên",
        en = "A ministry or province movement reviewed after five or more "
          .. "years",
        check = function(s, n, p)
          local by, yrs = n:fact("movement_launched_by"), n:fact("movement_years")
          if by == nil then
            return lib.movement_missing(n, { "cấp phát động", "launcher" })
          end
          if by ~= "ministry" and by ~= "province" then
            return fail(tr("phát động bởi ", "launched by ") .. lib.name("launcher", by))
          end
          if yrs == nil then
            return lib.movement_missing(n, { "thời gian phong trào",
              "movement length" })
          end
          if type(yrs) ~= "number" then
            return unknown(tr("thời gian phong trào không phải là số: ",
              "movement length is not a number: ") .. tostring(yrs))
          end
          local d = string.format(tr("phát động bởi %s, %d năm",
              "launched by %s, %d year(s)"),
            lib.name("launcher", by), yrs)
          if yrs >= p.movement_years then return pass(d) end
          return fail(d)
        end,
      },
      criterion "k2_movement_outstanding" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 44, khoản 2",
        status = "V",
        vi = "Có thành tích xuất sắc tiêu biểu trong phong trào",
        en = "Outstanding in that movement",
        check = function(s, n, p)
          return lib.fact_true(s, "outstanding", n.year)
        end,
      },
    },

    route "k2_inventor" {
      vi = "Công nhân, nông dân có phát minh, sáng chế hoặc công trình khoa "
        .. "học có phạm vi ảnh hưởng",
      en = "A worker's or farmer's invention with province influence",
      criterion "k2_invention_subject" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 44, khoản 2",
        status = "V",
        vi = "Là công nhân, nông dân",
        en = "A worker or farmer",
        check = function(s, n, p)
          return lib.category_in(s, K2)
        end,
      },
      criterion "k2_invention" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 44, khoản 2",
        status = "V",
        vi = "Có sáng chế, giải pháp hữu ích hoặc công trình khoa học và công "
          .. "nghệ được áp dụng, có phạm vi ảnh hưởng trong bộ, ban, ngành, "
          .. "tỉnh",
        en = "An invention or S&T work applied with ministry or province "
          .. "influence",
        check = function(s, n, p)
          return lib.initiatives(s, n.year - p.invention_window_years + 1,
            n.year, "province", p.inventions,
            { kinds = { "invention", "research" }, applied = true })
        end,
      },
    },

    route "k2_contributor" {
      vi = "Công nhân, nông dân có nhiều đóng góp",
      en = "A worker or farmer with many contributions",
      criterion "k2_contribution_subject" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 44, khoản 2",
        status = "V",
        vi = "Là công nhân, nông dân",
        en = "A worker or farmer",
        check = function(s, n, p)
          return lib.category_in(s, K2)
        end,
      },
      criterion "k2_contribution" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 44, khoản 2",
        status = "V",
        vi = "Có nhiều đóng góp trong phát triển kinh tế - xã hội, an sinh xã "
          .. "hội, từ thiện, khoa học và công nghệ",
        en = "Many contributions to socio-economic development, social "
          .. "security, charity or technology",
        check = function(s, n, p)
          return lib.fact_true(s, "major_contribution", n.year)
        end,
      },
    },

    route "k2_exceptional" {
      vi = "Công nhân, nông dân có thành tích đột xuất",
      en = "A worker's or farmer's ad-hoc achievement",
      criterion "k2_ad_hoc_subject" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 44, khoản 2",
        status = "V",
        vi = "Là công nhân, nông dân",
        en = "A worker or farmer",
        check = function(s, n, p)
          return lib.category_in(s, K2)
        end,
      },
      criterion "k2_ad_hoc" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 44, khoản 2",
        status = "V",
        vi = "Có thành tích đột xuất đặc biệt xuất sắc (phần còn lại của quy "
          .. "định chưa đọc được)",
        en = "An outstanding ad-hoc achievement (the rest of the point was "
          .. "not read)",
        check = function(s, n, p)
          if n.kind ~= "ad_hoc" then
            return fail(tr("không phải đề nghị khen thưởng đột xuất",
                "not an ad-hoc nomination"))
          end
          return unknown(tr("phần còn lại của quy định tại Điều 44 khoản 2 "
            .. "chưa đọc được; cần người xét", "the rest of this point of "
            .. "Điều 44 khoản 2 was not read; a person judges"))
        end,
      },
    },
  },
}

---------------------------------------------------------------- collectives

-- Điều 44 from khoản 3 (B-HC3 coll [U]): not read; domain lists khoản 3–6
-- as unverified, and which clause is whose was not read. No household
-- clause is reported; a household (a unit of kind `household`) is judged
-- here alike, since nothing read excludes it. Only the bar of NĐ 98
-- Điều 4 and the kinds are judged; every nomination not barred goes to
-- review until the text is read.
form "hcld3" {
  kinds   = { "merit", "thematic", "ad_hoc" },  -- other kinds: a person decides
  subject = "unit",
  name    = { vi = "Huân chương Lao động hạng Ba",
              en = "Third-class Labour Order" },
  basis   = "Luật Thi đua, khen thưởng 2022, Điều 44, khoản 3 trở đi",

  not_under_review(),
  kind_encoded(),

  criterion "unit_standard" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 44, khoản 3 trở đi "
          .. "(số khoản chưa đọc được)",
    status = "U",
    vi = "Đạt tiêu chuẩn Huân chương Lao động hạng Ba đối với tập thể (từ "
      .. "khoản 3 Điều 44, chưa đọc được)",
    en = "Meets the standard for collectives (Article 44 from clause 3, "
      .. "not read)",
    check = function(s, n, p)
      local who = s.kind == "household" and tr("hộ gia đình", "household")
        or tr("tập thể", "collective")
      return unknown(who .. tr(": tiêu chuẩn từ khoản 3 Điều 44 chưa đọc "
        .. "được; cần người xét", ": the standard of Article 44 from clause "
        .. "3 was not read; a person decides"))
    end,
  },
}
