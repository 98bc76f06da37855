-- Huân chương Lao động hạng Ba (individual).
--
-- Basis: Luật Thi đua, khen thưởng 2003, Điều 44 (as amended 2013);
-- NĐ 91/2017/NĐ-CP, Điều 24 khoản 1: the preamble, điểm a [V] and điểm b
-- [V, cut off after its opening] (national-criteria.md §2.12 A-HC3-0..b;
-- kontum-notes.md §2.1 HCLD3-a, HCLD3-b).
--
-- Point a: a Bằng khen của Thủ tướng, then 5 or more further consecutive
-- years of excellent achievement ("in practice: HTXS each year"), with 2
-- initiatives of ministry/province influence within them (cases D13, D14).
-- Thematic (đợt, chuyên đề) Bằng khen do not count (NĐ 91 Điều 3, [P]).
-- Point b: an especially outstanding ad-hoc (đột xuất) achievement with
-- ministry/province influence: the nomination is of kind `ad_hoc`.
-- The preamble holds for every point: exemplary compliance, and "liên tục
-- hoàn thành xuất sắc nhiệm vụ", which the domain reads as an attestation
-- (A-HC3-0): the text gives no number of years. So the records decide
-- only what they show: `continuous_years` excellent years in a row up to
-- the year pass, a year not rated excellent fails, and anything between
-- (the year alone) goes to a person. At most one State award a year
-- (TT 08/2017, [P], national-criteria.md §4.1).
--
-- Not encoded (texts not read, [U], no content in the domain): the other
-- points of khoản 1 (cống hiến …), workers and farmers. Collectives
-- (A-HC3-c..) have a form of their own whose standard is unread: every
-- such nomination not barred goes to a person. The 2003 wording ("7 năm
-- liên tục CSTĐCS", "5 năm TTLĐXS") is superseded and deliberately not
-- used. Nominations of kinds not encoded go to a person.

local NOT_FOR_STATE_AWARDS = { "thematic" }   -- NĐ 91/2017/NĐ-CP, Điều 3

-- Kinds of nomination whose criteria are encoded here.
local ENCODED_KINDS = { merit = true, ad_hoc = true }

-- The bars both forms (persons, collectives) share, built fresh for each
-- form so that an amendment of one leaves the other alone.
local function one_state_award()
  return criterion "one_state_award_a_year" {
    basis  = "TT 08/2017/TT-BNV",
    status = "P",
    vi = "Mỗi năm không quá một hình thức khen thưởng cấp Nhà nước (trừ khen thưởng "
      .. "đột xuất, cống hiến, niên hạn)",
    en = "At most one State award a year (ad hoc, dedication and seniority "
      .. "awards aside)",
    check = function(s, n, p)
      return lib.one_state_award_a_year(s, n)
    end,
  }
end

local function not_under_review()
  return criterion "not_under_review" {
    basis  = "NĐ 91/2017/NĐ-CP, Điều 3; TT 08/2017/TT-BNV; TT 12/2019/TT-BNV",
    status = "P",
    vi = "Không đang bị xem xét kỷ luật, điều tra, thanh tra, kiểm tra, khiếu nại, tố cáo",
    en = "Not under disciplinary review, investigation, inspection or complaint",
    check = function(s, n, p)
      return lib.fact_not(s, "under_review", n.year)
    end,
  }
end

form "hcld3" {
  kinds   = { "merit", "ad_hoc" },  -- other kinds: a person decides
  subject = "person",
  name    = { vi = "Huân chương Lao động hạng Ba", en = "Third-class Labour Order" },
  basis   = "Luật Thi đua, khen thưởng 2003, Điều 44; NĐ 91/2017/NĐ-CP, Điều 24",
  -- years, initiatives: NĐ 91 Điều 24 khoản 1 điểm a; continuous_years:
  -- the excellent years in a row up to the year that show the preamble's
  -- "liên tục hoàn thành xuất sắc nhiệm vụ" without a person (the text
  -- gives no number; fewer go to review, see the header).
  params  = { years = 5, initiatives = 2, continuous_years = 2 },

  criterion "compliance" {
    basis  = "NĐ 91/2017/NĐ-CP, Điều 24, khoản 1",
    status = "V",
    vi = "Gương mẫu chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước",
    en = "Exemplary compliance with Party policy and State law",
    check = function(s, n, p)
      return lib.fact_true(s, "compliance", n.year)
    end,
  },

  criterion "continuous_excellent" {
    basis  = "NĐ 91/2017/NĐ-CP, Điều 24, khoản 1",
    status = "V",
    vi = "Liên tục hoàn thành xuất sắc nhiệm vụ",
    en = "Rated excellent continuously",
    check = function(s, n, p)
      local k = p.continuous_years
      local shown = lib.ratings(s, n.year - k + 1, n.year)
      local got = s:streak("excellent", n.year)
      if got >= k then
        return pass(shown)
      end
      if got == 0 and s:rating(n.year) ~= nil then
        return fail(shown .. tr(" (năm đề nghị không hoàn thành xuất sắc nhiệm vụ)",
                                " (not rated excellent in the year)"))
      end
      return unknown(shown .. tr(" (văn bản không nêu số năm liên tục; cần người xét)",
                                 " (the text gives no number of years; a person decides)"))
    end,
  },

  routes "point" {
    vi = "Đạt một trong các tiêu chuẩn", en = "Meets one of the standards",

    route "a_merit_run" {
      vi = "Đã được tặng Bằng khen của Thủ tướng Chính phủ, 05 năm tiếp theo trở lên liên "
        .. "tục lập được thành tích xuất sắc, có 02 sáng kiến có phạm vi ảnh hưởng trong "
        .. "bộ, ngành, tỉnh",
      en = "A Prime Minister's Certificate of Merit, then 5+ consecutive excellent "
        .. "years with 2 initiatives of provincial influence",

      criterion "a_bk_ttg" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 24, khoản 1, điểm a",
        status = "V",
        vi = "Đã được tặng Bằng khen của Thủ tướng Chính phủ (không tính khen thưởng theo "
          .. "đợt, chuyên đề) trước thời gian tính thành tích",
        en = "Holds a Prime Minister's Certificate of Merit (not thematic) before the run",
        check = function(s, n, p)
          return lib.years_since(s, "bk_ttg", n.year, p.years,
            { exclude_kinds = NOT_FOR_STATE_AWARDS },
            tr("Chưa được tặng Bằng khen của Thủ tướng Chính phủ "
               .. "(không tính theo đợt, chuyên đề)",
               "No Prime Minister's Certificate of Merit yet (thematic ones aside)"))
        end,
      },
      criterion "a_excellent_years" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 24, khoản 1, điểm a",
        status = "V",
        vi = "05 năm tiếp theo trở lên liên tục lập được thành tích xuất sắc (hoàn thành "
          .. "xuất sắc nhiệm vụ)",
        en = "Five or more further consecutive years of excellent achievement",
        check = function(s, n, p)
          return lib.consecutive(s, "excellent", n.year, p.years)
        end,
      },
      criterion "a_initiatives" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 24, khoản 1, điểm a",
        status = "V",
        vi = "Trong thời gian đó có 02 sáng kiến được ứng dụng mang lại hiệu quả, có phạm "
          .. "vi ảnh hưởng và nêu gương trong bộ, ban, ngành, tỉnh, được công nhận",
        en = "Within those years, 2 effective initiatives with ministry/province "
          .. "influence, recognised",
        check = function(s, n, p)
          local from = lib.run_from(s, "excellent", n.year, p.years, "bk_ttg",
                                    { exclude_kinds = NOT_FOR_STATE_AWARDS })
          return lib.initiatives(s, from, n.year, "province", p.initiatives,
                                 { kinds = { "initiative" },
                                   applied = true })
        end,
      },
    },

    route "b_ad_hoc_feat" {
      vi = "Lập được thành tích đặc biệt xuất sắc đột xuất có phạm vi ảnh hưởng trong bộ, "
        .. "ban, ngành, tỉnh",
      en = "An especially outstanding ad-hoc achievement with ministry/province influence",

      criterion "b_ad_hoc" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 24, khoản 1, điểm b",
        status = "V",
        vi = "Thành tích đột xuất",
        en = "An ad-hoc achievement",
        check = function(s, n, p)
          return lib.kind_is(n, "ad_hoc")
        end,
      },
      criterion "b_outstanding" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 24, khoản 1, điểm b",
        status = "V",
        vi = "Thành tích đặc biệt xuất sắc",
        en = "Especially outstanding",
        check = function(s, n, p)
          return lib.fact_true(s, "outstanding", n.year)
        end,
      },
      criterion "b_influence" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 24, khoản 1, điểm b",
        status = "V",
        vi = "Có phạm vi ảnh hưởng trong bộ, ban, ngành, tỉnh",
        en = "With influence at ministry or province scope",
        check = function(s, n, p)
          return lib.influence_at_least(s, n.year, "province")
        end,
      },
    },

    route "other_kinds" {
      vi = "Loại khen thưởng chưa được mã hóa: cần người xét",
      en = "A kind of commendation not encoded here: a person decides",

      criterion "kind_not_encoded" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 13",
        status = "V-en",
        vi = "Tiêu chuẩn của loại khen thưởng này (theo đợt, chuyên đề, cống hiến, niên "
          .. "hạn, đối ngoại, kháng chiến) chưa được mã hóa",
        en = "The criteria of this kind (thematic, dedication, seniority, foreign, "
          .. "resistance) are not encoded",
        check = function(s, n, p)
          return lib.kind_not_encoded(n, ENCODED_KINDS)
        end,
      },
    },
  },

  one_state_award(),
  not_under_review(),
}

------------------------------------------------------------- collectives

-- The collective clauses of NĐ 91 Điều 24 (A-HC3-c.., [U]: not read):
-- the standard is for a person to judge; the bars of the individual form
-- that concern any subject still apply.
form "hcld3" {
  subject = "unit",
  name    = { vi = "Huân chương Lao động hạng Ba", en = "Third-class Labour Order" },
  basis   = "Luật Thi đua, khen thưởng 2003, Điều 44; NĐ 91/2017/NĐ-CP, Điều 24",

  criterion "collective_standard" {
    basis  = "NĐ 91/2017/NĐ-CP, Điều 24 (khoản về tập thể chưa đọc được)",
    status = "U",
    vi = "Tiêu chuẩn tặng Huân chương Lao động hạng Ba cho tập thể (chưa đọc "
      .. "được văn bản): cần người xét",
    en = "The standard of the Third-class Labour Order for collectives (text "
      .. "not read): a person decides",
    check = function(s, n, p)
      return unknown(tr("Tiêu chuẩn cho tập thể của Điều 24 NĐ 91/2017 chưa được "
                        .. "xác minh", "The collective standard of NĐ 91/2017 "
                        .. "Điều 24 is not verified"))
    end,
  },

  one_state_award(),
  not_under_review(),
}
