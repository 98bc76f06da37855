-- Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương (Bằng khen của
-- Chủ tịch Ủy ban nhân dân tỉnh): individuals, then collectives and
-- households (two forms, one per subject).
--
-- Basis: Luật Thi đua, khen thưởng 2003, Điều 72; NĐ 91/2017/NĐ-CP, Điều 39.
-- NEITHER TEXT WAS READ: every criterion is [U], encoded on the "believed
-- structure" of national-criteria.md §2.10 (A-BKT-1, A-BKT-3, A-BKT-4) and
-- kontum-notes.md §2.1 ("from recollection ... do not encode the numbers
-- without checking": the numbers are therefore parameters, bk_tinh.*).
-- No clause or point number is cited, because none was read; the route ids
-- a/b/c follow the order of the believed structure only.
--
-- Readings chosen:
--  * point a ("thành tích xuất sắc được bình xét trong các phong trào thi
--    đua") is a commendation at the review of a movement: nomination kind
--    `thematic`;
--  * point b (influence in a field of the ministry/province) reads the
--    attested `influence_scope`;
--  * point c (individual) counts the initiatives within the run of
--    excellent years, and skips initiatives already the basis of an honour
--    when bk_tinh.no_reuse = 1 (no cumulation, TT 08/2017 [P]; the same rule
--    is verified for regime B). Kon Tum notes report a "tích lũy, cộng dồn"
--    practice under regime A: if the text confirms it, set no_reuse = 0;
--  * point c (collective): "dân chủ cơ sở, chế độ chính sách, đời sống" has
--    no fact of its own; `compliance` stands for it;
--  * households: "contributions of effort, land, property" has no fact key
--    of its own; the council's attested `outstanding` stands for it.
--
-- Not encoded: enterprises, đối ngoại; đột xuất (ad-hoc) Bằng khen, whose
-- procedure exists in Kon Tum (TTHC 2.000422) but whose criteria were not
-- read — such nominations go to a person (route other_kinds).

-- Kinds of nomination whose criteria are encoded here.
local ENCODED_KINDS = { merit = true, thematic = true }

-- The items both forms share are built by these functions, so that each
-- form holds its own copy (an amendment of one leaves the other alone).

local function point_a()
  return route "a_movement" {
    vi = "Thành tích xuất sắc được bình xét trong các phong trào thi đua",
    en = "Outstanding achievement recognised in an emulation movement",

    criterion "a_movement_review" {
      basis  = "NĐ 91/2017/NĐ-CP, Điều 39",
      status = "U",
      vi = "Được bình xét khi sơ kết, tổng kết phong trào thi đua",
      en = "Proposed at the review of an emulation movement",
      check = function(s, n, p)
        return lib.kind_is(n, "thematic")
      end,
    },
    criterion "a_outstanding" {
      basis  = "NĐ 91/2017/NĐ-CP, Điều 39",
      status = "U",
      vi = "Có thành tích xuất sắc trong phong trào thi đua",
      en = "Outstanding achievement in the movement",
      check = function(s, n, p)
        return lib.fact_true(s, "outstanding", n.year)
      end,
    },
  }
end

local function point_b()
  return route "b_achievements" {
    vi = "Lập được nhiều thành tích có phạm vi ảnh hưởng trong lĩnh vực thuộc bộ, "
      .. "ban, ngành, tỉnh",
    en = "Many achievements with influence in a field of the ministry or province",

    criterion "b_influence" {
      basis  = "NĐ 91/2017/NĐ-CP, Điều 39",
      status = "U",
      vi = "Thành tích có phạm vi ảnh hưởng trong bộ, ban, ngành, tỉnh",
      en = "Achievements with influence at ministry or province scope",
      check = function(s, n, p)
        return lib.influence_at_least(s, n.year, "province")
      end,
    },
  }
end

local function other_kinds()
  return route "other_kinds" {
    vi = "Loại khen thưởng chưa được mã hóa: cần người xét",
    en = "A kind of commendation not encoded here: a person decides",

    criterion "kind_not_encoded" {
      basis  = "NĐ 91/2017/NĐ-CP, Điều 13",
      status = "V-en",
      vi = "Tiêu chuẩn của loại khen thưởng này (đột xuất, cống hiến, niên hạn, đối "
        .. "ngoại, kháng chiến) chưa được mã hóa",
      en = "The criteria of this kind (ad hoc, dedication, seniority, foreign, "
        .. "resistance) are not encoded",
      check = function(s, n, p)
        return lib.kind_not_encoded(n, ENCODED_KINDS)
      end,
    },
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

-- The years of point c fall after the previous Bằng khen (TT 08/2017,
-- [P]: national-criteria.md §4.2 "Next award after a previous one"); a
-- thematic one, as for the State awards, covers a movement, not the years.
local PREVIOUS = { exclude_kinds = { "thematic" } }

local function after_previous()
  return criterion "c_after_previous" {
    basis  = "TT 08/2017/TT-BNV",
    status = "P",
    vi = "Các năm được tính sau thời gian đạt thành tích của Bằng khen lần trước",
    en = "The years fall after the previous Certificate of Merit",
    check = function(s, n, p)
      return lib.after_previous(s, "bk_tinh", n.year, p.years, PREVIOUS)
    end,
  }
end

local function excellent_years()
  return criterion "c_excellent_years" {
    basis  = "NĐ 91/2017/NĐ-CP, Điều 39",
    status = "U",
    vi = "Có 02 năm trở lên liên tục hoàn thành xuất sắc nhiệm vụ",
    en = "Two or more consecutive years of excellent ratings",
    check = function(s, n, p)
      return lib.consecutive(s, "excellent", n.year, p.years)
    end,
  }
end

---------------------------------------------------------------- individuals

form "bk_tinh" {
  kinds   = { "merit", "thematic" },  -- other kinds: a person decides
  subject = "person",
  name    = { vi = "Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương",
              en = "Ministry/Provincial Certificate of Merit" },
  basis   = "Luật Thi đua, khen thưởng 2003, Điều 72; NĐ 91/2017/NĐ-CP, Điều 39",
  -- years, initiatives: point c as believed ([U]); no_reuse = 1: an
  -- initiative already the basis of an honour does not count again (no
  -- cumulation, TT 08/2017 [P]), 0: it does.
  params  = { years = 2, initiatives = 2, no_reuse = 1 },

  routes "point" {
    vi = "Đạt một trong các tiêu chuẩn", en = "Meets one of the standards",

    point_a(),
    point_b(),

    route "c_excellent_initiatives" {
      vi = "02 năm liên tục hoàn thành xuất sắc nhiệm vụ, trong thời gian đó có 02 sáng "
        .. "kiến được công nhận và áp dụng hiệu quả trong phạm vi cơ sở",
      en = "2 consecutive excellent years with 2 initiatives applied at the unit",

      excellent_years(),
      after_previous(),
      criterion "c_initiatives" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 39; TT 08/2017/TT-BNV (không cộng dồn)",
        status = "U",
        vi = "Trong thời gian đó có 02 sáng kiến được công nhận và áp dụng hiệu quả "
          .. "trong phạm vi cơ sở (hoặc mưu trí, sáng tạo trong chiến đấu), chưa dùng "
          .. "làm căn cứ khen thưởng khác",
        en = "Within those years, 2 initiatives recognised and applied at the unit "
          .. "(or combat ingenuity), not already the basis of another honour",
        check = function(s, n, p)
          -- the window: the run of excellent years ending at n.year, after
          -- the previous Bằng khen
          local from = lib.run_from(s, "excellent", n.year, p.years, "bk_tinh", PREVIOUS)
          return lib.initiatives(s, from, n.year, "unit", p.initiatives,
                                 { kinds = { "initiative", "combat" }, applied = true,
                                   unused = (p.no_reuse == 1) })
        end,
      },
    },

    other_kinds(),
  },

  not_under_review(),
}

------------------------------------------------- collectives and households

form "bk_tinh" {
  kinds   = { "merit", "thematic" },  -- other kinds: a person decides
  subject = "unit",
  name    = { vi = "Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương",
              en = "Ministry/Provincial Certificate of Merit" },
  basis   = "Luật Thi đua, khen thưởng 2003, Điều 72; NĐ 91/2017/NĐ-CP, Điều 39",
  -- Its parameters (bk_tinh.years …) are declared once, by the form above.

  routes "point" {
    vi = "Đạt một trong các tiêu chuẩn", en = "Meets one of the standards",

    point_a(),
    point_b(),

    route "c_collective_run" {
      vi = "Tập thể: 02 năm liên tục hoàn thành xuất sắc nhiệm vụ, nội bộ đoàn kết, "
        .. "thực hiện tốt quy chế dân chủ, phong trào thi đua, tiết kiệm",
      en = "Collective: 2 consecutive excellent years, solidarity, democracy, "
        .. "emulation, thrift",

      criterion "c_collective" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 39",
        status = "U",
        vi = "Đối tượng là tập thể (không phải hộ gia đình)",
        en = "The subject is a collective (not a household)",
        check = function(s, n, p)
          if s.kind == "household" then
            return fail(tr("Hộ gia đình", "Household"))
          end
          return pass(tr("Tập thể: ", "Collective: ") .. lib.name("unit_kind", s.kind))
        end,
      },
      excellent_years(),
      after_previous(),
      criterion "c_internal_unity" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 39",
        status = "U",
        vi = "Nội bộ đoàn kết",
        en = "Internal solidarity",
        check = function(s, n, p)
          return lib.fact_true(s, "internal_unity", n.year)
        end,
      },
      criterion "c_compliance" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 39",
        status = "U",
        vi = "Thực hiện tốt quy chế dân chủ ở cơ sở, chế độ, chính sách, chăm lo đời "
          .. "sống người lao động",
        en = "Observes grassroots democracy, policies and staff welfare",
        check = function(s, n, p)
          return lib.fact_true(s, "compliance", n.year)
        end,
      },
      criterion "c_emulation_movement" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 39",
        status = "U",
        vi = "Tổ chức tốt các phong trào thi đua",
        en = "Runs emulation movements well",
        check = function(s, n, p)
          return lib.fact_true(s, "emulation_movement", n.year)
        end,
      },
      criterion "c_thrift" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 39",
        status = "U",
        vi = "Thực hành tiết kiệm, chống lãng phí",
        en = "Practises thrift and fights waste",
        check = function(s, n, p)
          return lib.fact_true(s, "thrift", n.year)
        end,
      },
    },

    route "family" {
      vi = "Hộ gia đình có đóng góp lớn về công sức, đất đai, tài sản",
      en = "Household with large contributions of effort, land or property",

      criterion "household" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 39",
        status = "U",
        vi = "Đối tượng là hộ gia đình",
        en = "The subject is a household",
        check = function(s, n, p)
          if s.kind == "household" then
            return pass(tr("Hộ gia đình", "Household"))
          end
          return fail(tr("Tập thể, không phải hộ gia đình", "A collective, not a household"))
        end,
      },
      criterion "household_contribution" {
        basis  = "NĐ 91/2017/NĐ-CP, Điều 39",
        status = "U",
        vi = "Có đóng góp lớn về công sức, đất đai, tài sản cho địa phương, xã hội",
        en = "Large contributions of effort, land or property",
        check = function(s, n, p)
          return lib.fact_true(s, "outstanding", n.year)
        end,
      },
    },

    other_kinds(),
  },

  not_under_review(),
}
