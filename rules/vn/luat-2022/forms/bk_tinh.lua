-- Bằng khen cấp bộ, ban, ngành, tỉnh (cá nhân; tập thể, hộ gia đình, doanh
-- nghiệp), regime B: two forms, one per kind of subject.
--
-- Luật Thi đua, khen thưởng 2022, Điều 74, khoản 1: an individual who
-- "gương mẫu chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của
-- Nhà nước" and meets one of:
--   a) outstanding achievement assessed in a movement launched by the
--      ministry or province;
--   b) many achievements, or an ad-hoc achievement, with influence in a
--      field of the ministry or province;
--   c) large contributions to socio-economic development, science and
--      technology, social work, charity;
--      (preamble and a–c: read only in a sector restatement; domain labels
--      them B-BKT-2 [U]; the order a–c of kontum-notes §6.1 is kept)
--   d) [V] "Có 02 lần liên tục được tặng danh hiệu Chiến sĩ thi đua cơ sở
--      hoặc có liên tục từ 02 năm trở lên được công nhận hoàn thành xuất sắc
--      nhiệm vụ, trong thời gian đó có 02 sáng kiến được công nhận và áp
--      dụng có hiệu quả trong phạm vi cơ sở hoặc có 02 đề tài khoa học, đề
--      án khoa học, công trình khoa học và công nghệ được nghiệm thu và áp
--      dụng có hiệu quả trong phạm vi cơ sở".
--   MoHA [V-en]: a sáng kiến that was the basis of a CSTĐCS cannot count
--   again toward điểm d (honours.csv `initiatives`; s:initiatives unused).
--   Mixing one sáng kiến and one đề tài (Công văn 1168/BNV-BTĐKT, 2026) was
--   not read: the text's "02 … hoặc 02 …" is encoded strictly.
-- NĐ 98/2023/NĐ-CP:
--   Điều 4 [V]: no award while a review is pending; thematic and ad-hoc
--     results are never the basis of a merit award (the CSTĐCS titles of
--     điểm d); achievements count only from the end of a disciplinary
--     period (clause U).
--   Điều 30, khoản 9 [V]: a next award counts after the achievement period
--     of the previous Bằng khen.
--
-- Khoản 2–5 (collectives, households, enterprises): not read (B-BKT-2 [U]).
-- The second form, for units, judges only the bar of NĐ 98 Điều 4 and the
-- kinds, and sends every other nomination to review (criterion
-- unit_standard, [U]).
-- Not encoded: the enterprise consultation of NĐ 98 Điều 31 (documents, not
-- eligibility).
-- Facts read: compliance, outstanding, influence_scope (person);
-- movement_launched_by (nomination). NEW KEY (not yet in vocabulary.md):
-- major_contribution (person, 1/0), for điểm c.

local PREREQ = { exclude_kinds = { "thematic", "ad_hoc" } }  -- NĐ 98 Điều 4

local ENCODED = { merit = true, thematic = true, ad_hoc = true }
local WIDE = { province = true, national = true }

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

form "bk_tinh" {
  kinds   = { "merit", "thematic", "ad_hoc" },  -- other kinds: a person decides
  subject = "person",
  name    = { vi = "Bằng khen cấp bộ, ban, ngành, tỉnh",
              en = "Ministerial or Provincial Certificate of Merit" },
  basis   = "Luật Thi đua, khen thưởng 2022, Điều 74, khoản 1",
  params  = {
    -- điểm d [V]: 02 consecutive CSTĐCS titles, or at least 02 consecutive
    -- excellent years with 02 sáng kiến or 02 đề tài at cơ sở scope
    cstd_cs_times = 2,
    excellent_years = 2,
    initiatives = 2,
    research = 2,
  },

  not_under_review(),
  kind_encoded(),

  criterion "compliance" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 74, khoản 1",
    status = "U",
    vi = "Gương mẫu chấp hành tốt chủ trương, chính sách của Đảng, pháp luật "
      .. "của Nhà nước",
    en = "Exemplary compliance with Party policy and State law",
    check = function(s, n, p)
      return lib.fact_true(s, "compliance", n.year)
    end,
  },

  routes "standard" {
    vi = "Đạt một trong các tiêu chuẩn của khoản 1 Điều 74",
    en = "One of the standards of Article 74(1)",

    route "a" {
      vi = "Thành tích xuất sắc trong phong trào thi đua của bộ, ngành, tỉnh",
      en = "Outstanding in a ministry's or province's movement",
      criterion "a_movement" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 74, khoản 1, điểm a",
        status = "U",
        vi = "Được bình xét trong phong trào thi đua do bộ, ban, ngành, tỉnh "
          .. "phát động",
        en = "Assessed in a movement launched by the ministry or province",
        check = function(s, n, p)
          local by = n:fact("movement_launched_by")
          if by == nil then
            return lib.movement_missing(n, { "cấp phát động", "launcher" })
          end
          if by == "ministry" or by == "province" then
            return pass(tr("phát động bởi ", "launched by ") .. lib.name("launcher", by))
          end
          return fail(tr("phát động bởi ", "launched by ") .. lib.name("launcher", by))
        end,
      },
      criterion "a_outstanding" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 74, khoản 1, điểm a",
        status = "U",
        vi = "Có thành tích xuất sắc được bình xét trong phong trào",
        en = "Outstanding achievement in that movement",
        check = function(s, n, p)
          return lib.fact_true(s, "outstanding", n.year)
        end,
      },
    },

    route "b" {
      vi = "Nhiều thành tích hoặc thành tích đột xuất có phạm vi ảnh hưởng",
      en = "Achievements with ministry or province influence",
      criterion "b_influence" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 74, khoản 1, điểm b",
        status = "U",
        vi = "Lập được nhiều thành tích hoặc thành tích đột xuất có phạm vi "
          .. "ảnh hưởng trong lĩnh vực thuộc bộ, ban, ngành, tỉnh",
        en = "Many or ad-hoc achievements with influence in a field of the "
          .. "ministry or province",
        check = function(s, n, p)
          return lib.fact_in(s, "influence_scope", n.year, WIDE)
        end,
      },
    },

    route "c" {
      vi = "Có đóng góp lớn", en = "Large contributions",
      criterion "c_contribution" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 74, khoản 1, điểm c",
        status = "U",
        vi = "Có đóng góp lớn vào sự phát triển kinh tế - xã hội, khoa học, "
          .. "công nghệ, công tác xã hội, từ thiện",
        en = "Large contributions to socio-economic development, science, "
          .. "social work or charity",
        check = function(s, n, p)
          return lib.fact_true(s, "major_contribution", n.year)
        end,
      },
    },

    route "d_titles" {
      vi = "02 lần liên tục Chiến sĩ thi đua cơ sở",
      en = "Two consecutive Grassroots Emulation Fighter titles",
      criterion "d_two_cstd_cs" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 74, khoản 1, điểm d",
        status = "V",
        vi = "Có 02 lần liên tục được tặng danh hiệu Chiến sĩ thi đua cơ sở "
          .. "(không tính khen thưởng theo chuyên đề, đột xuất)",
        en = "Two consecutive Grassroots Emulation Fighter titles up to the "
          .. "year (thematic and ad-hoc honours do not count)",
        check = function(s, n, p)
          return lib.honours(s, "cstd_cs", n.year - p.cstd_cs_times + 1,
            n.year, p.cstd_cs_times, PREREQ)
        end,
      },
      criterion "d_cstd_cs_after_previous" {
        basis  = "NĐ 98/2023/NĐ-CP, Điều 30, khoản 9",
        status = "V",
        vi = "Các danh hiệu được tính sau thời gian đạt thành tích của Bằng "
          .. "khen lần trước",
        en = "The titles fall after the previous Certificate of Merit",
        check = function(s, n, p)
          return lib.after_previous(s, "bk_tinh", n.year, p.cstd_cs_times, PREREQ)
        end,
      },
      criterion "d_cstd_cs_after_discipline" {
        basis  = "NĐ 98/2023/NĐ-CP, Điều 4",
        status = "V",
        vi = "Thành tích chỉ được tính từ khi hết thời hạn kỷ luật",
        en = "Achievements count only from the end of a disciplinary period",
        check = function(s, n, p)
          return after_discipline(s, n.year, p.cstd_cs_times)
        end,
      },
    },

    route "d_initiatives" {
      vi = "Liên tục từ 02 năm hoàn thành xuất sắc nhiệm vụ, có 02 sáng kiến "
        .. "hoặc 02 đề tài",
      en = "Two or more excellent years with two initiatives or two research "
        .. "works",
      criterion "d_two_years_excellent" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 74, khoản 1, điểm d",
        status = "V",
        vi = "Có liên tục từ 02 năm trở lên được công nhận hoàn thành xuất sắc "
          .. "nhiệm vụ",
        en = "Rated excellent for two or more consecutive years up to the year",
        check = function(s, n, p)
          return lib.consecutive(s, "excellent", n.year, p.excellent_years)
        end,
      },
      criterion "d_excellent_after_previous" {
        basis  = "NĐ 98/2023/NĐ-CP, Điều 30, khoản 9",
        status = "V",
        vi = "Các năm được tính sau thời gian đạt thành tích của Bằng khen lần "
          .. "trước",
        en = "The years fall after the previous Certificate of Merit",
        check = function(s, n, p)
          return lib.after_previous(s, "bk_tinh", n.year, p.excellent_years,
            PREREQ)
        end,
      },
      criterion "d_excellent_after_discipline" {
        basis  = "NĐ 98/2023/NĐ-CP, Điều 4",
        status = "V",
        vi = "Thành tích chỉ được tính từ khi hết thời hạn kỷ luật",
        en = "Achievements count only from the end of a disciplinary period",
        check = function(s, n, p)
          return after_discipline(s, n.year, p.excellent_years)
        end,
      },
      criterion "d_two_initiatives" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 74, khoản 1, điểm d",
        status = "V",
        vi = "Trong thời gian đó có 02 sáng kiến hoặc 02 đề tài, đề án, công "
          .. "trình khoa học và công nghệ được áp dụng hiệu quả trong phạm vi "
          .. "cơ sở, chưa dùng làm căn cứ khen thưởng khác",
        en = "In those years, two initiatives or two research works applied "
          .. "at grassroots level, not already the basis of another honour",
        check = function(s, n, p)
          local from = lib.run_start(s, "excellent", n.year, "bk_tinh", PREREQ)
          if from > n.year then
            return fail(tr("không còn năm xuất sắc nào được tính",
                "no excellent year that still counts"))
          end
          local ci, ids_i = s:initiatives{ from = from, to = n.year,
            scope = "unit", kinds = { "initiative" }, applied = true,
            unused = true }
          local cr, ids_r = s:initiatives{ from = from, to = n.year,
            scope = "unit", kinds = { "research" }, applied = true,
            unused = true }
          local d = string.format(tr("%d–%d: %d sáng kiến (%s), %d đề tài (%s)",
            "%d–%d: %d initiative(s) (%s), %d research project(s) (%s)"),
            from, n.year, ci, ids_i, cr, ids_r)
          if ci >= p.initiatives or cr >= p.research then return pass(d) end
          return fail(d)
        end,
      },
    },
  },
}

------------------------------------------- collectives, households, enterprises

-- Điều 74 khoản 2–5 (B-BKT-2 [U]): not read, nor which clause is whose. A
-- household is a unit of kind `household` (Luật 2022 Điều 2 [V-en]). Only
-- the bar of NĐ 98 Điều 4 and the kinds are judged; every nomination not
-- barred goes to review until the text is read or a province amends
-- criterion "unit_standard".
form "bk_tinh" {
  kinds   = { "merit", "thematic", "ad_hoc" },  -- other kinds: a person decides
  subject = "unit",
  name    = { vi = "Bằng khen cấp bộ, ban, ngành, tỉnh",
              en = "Ministerial or Provincial Certificate of Merit" },
  basis   = "Luật Thi đua, khen thưởng 2022, Điều 74, khoản 2–5",

  not_under_review(),
  kind_encoded(),

  criterion "unit_standard" {
    basis  = "Luật Thi đua, khen thưởng 2022, Điều 74, khoản 2–5",
    status = "U",
    vi = "Đạt tiêu chuẩn Bằng khen đối với tập thể, hộ gia đình, doanh nghiệp "
      .. "(khoản 2–5 Điều 74, chưa đọc được)",
    en = "Meets the standard for collectives, households and enterprises "
      .. "(Article 74(2)–(5), not read)",
    check = function(s, n, p)
      local who = s.kind == "household" and tr("hộ gia đình", "household")
        or tr("tập thể", "collective")
      return unknown(who .. tr(": tiêu chuẩn tại Điều 74 khoản 2–5 chưa đọc "
        .. "được; cần người xét", ": the standard of Article 74(2)–(5) was "
        .. "not read; a person decides"))
    end,
  },
}
