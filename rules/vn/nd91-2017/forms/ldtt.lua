-- Lao động tiên tiến (individual, yearly title).
--
-- Basis: Luật Thi đua, khen thưởng 2003, Điều 24 as replaced by khoản 6
-- Điều 1 Luật 39/2013/QH13 (k1 a–d, k2, k3 read verbatim [V]);
-- NĐ 91/2017/NĐ-CP, Điều 10 khoản 2 and khoản 6 [V].
-- national-criteria.md §2.1 A-LDTT-1..13; kontum-notes.md §2.1 LDTT-1..5.
--
-- Not verified / not encoded:
--  * the "năng suất và chất lượng cao" part of k1 a has no attested fact of
--    its own; the yearly rating stands for it (encoding [U] per kontum-notes);
--  * maternity leave (A-LDTT-10, clause [U]), duty-injury treatment (Đ10 k2)
--    and training (A-LDTT-11, clause [U]) count as months worked: the engine
--    does that inside s:months, not this form;
--  * transfer and secondment (A-LDTT-12: the new unit decides) are
--    procedure, not eligibility; not encoded;
--  * there is no sick-leave bar in regime A (A-LDTT-13, the 40-day bar of
--    NĐ 65/2014 was dropped), so the new-hire rule applies to new hires only;
--  * the discipline bar counts a measure by its decision date; the texts
--    leave open whether the violation year should count instead (A-LDTT-8).

-- Who falls under khoản 3 (workers, farmers, other labourers outside the
-- civil service) rather than khoản 1 (cán bộ, công chức, viên chức).
local WORKER_FARMER = { worker = true, farmer = true }

-- The text bars
-- only "cá nhân mới tuyển dụng dưới 10 tháng"; an established employee off
-- sick for months is not barred (A-LDTT-13). So the months are judged only
-- in the year of hiring; without a hire date a short year needs a person.
form "ldtt" {
  subject = "person",
  name    = { vi = "Lao động tiên tiến", en = "Advanced Worker" },
  basis   = "Luật Thi đua, khen thưởng 2003, Điều 24 (thay thế bởi khoản 6 Điều 1 "
         .. "Luật 39/2013/QH13); NĐ 91/2017/NĐ-CP, Điều 10",
  -- discipline_level: NĐ 91 Điều 10 khoản 6 bars LĐTT from a reprimand up.
  params  = { discipline_level = "reprimand" },

  -- Điều 24 khoản 1 (cán bộ, công chức, viên chức) or khoản 3 (công nhân,
  -- nông dân, người lao động): one standard applies, by who the person is.
  routes "standard" {
    vi = "Đạt tiêu chuẩn của khoản 1 hoặc khoản 3 Điều 24",
    en = "Meets the standard of clause 1 or clause 3 of Article 24",

    route "officials" {
      vi = "Cán bộ, công chức, viên chức (khoản 1)",
      en = "Officials, civil servants, public employees (clause 1)",

      criterion "official" {
        basis  = "Luật Thi đua, khen thưởng 2003, Điều 24, khoản 1",
        status = "V",
        vi = "Là cán bộ, công chức, viên chức",
        en = "Is an official, civil servant or public employee",
        check = function(s, n, p)
          if WORKER_FARMER[s.category] then
            return fail(string.format(tr("Thuộc nhóm %s: xét theo khoản 3",
              "In group %s: judged under clause 3"), lib.name("category", s.category)))
          end
          return pass(tr("Nhóm: ", "Group: ") .. (s.category and lib.name("category", s.category) or
            tr("không ghi (coi là cán bộ, công chức, viên chức)",
               "not recorded (taken as an official, civil servant or public employee)")))
        end,
      },
      criterion "good_rating" {
        basis  = "Luật Thi đua, khen thưởng 2003, Điều 24, khoản 1, điểm a",
        status = "V",
        vi = "Hoàn thành tốt nhiệm vụ được giao, đạt năng suất và chất lượng cao",
        en = "Completed assigned tasks well, with high productivity and quality",
        check = function(s, n, p)
          return lib.consecutive(s, "good", n.year, 1)
        end,
      },
      criterion "compliance" {
        basis  = "Luật Thi đua, khen thưởng 2003, Điều 24, khoản 1, điểm b",
        status = "V",
        vi = "Chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước",
        en = "Complies well with Party policy and State law",
        check = function(s, n, p)
          return lib.fact_true(s, "compliance", n.year)
        end,
      },
      criterion "self_reliance" {
        basis  = "Luật Thi đua, khen thưởng 2003, Điều 24, khoản 1, điểm b",
        status = "V",
        vi = "Có tinh thần tự lực, tự cường; đoàn kết, tương trợ, tích cực tham gia "
          .. "phong trào thi đua",
        en = "Self-reliant; solidarity and mutual help; active in emulation",
        check = function(s, n, p)
          return lib.fact_true(s, "self_reliance", n.year)
        end,
      },
      criterion "studies" {
        basis  = "Luật Thi đua, khen thưởng 2003, Điều 24, khoản 1, điểm c",
        status = "V",
        vi = "Tích cực học tập chính trị, văn hóa, chuyên môn, nghiệp vụ",
        en = "Actively studies politics, culture and profession",
        check = function(s, n, p)
          return lib.fact_true(s, "studies", n.year)
        end,
      },
      criterion "ethics" {
        basis  = "Luật Thi đua, khen thưởng 2003, Điều 24, khoản 1, điểm d",
        status = "V",
        vi = "Có đạo đức, lối sống lành mạnh",
        en = "Sound ethics and lifestyle",
        check = function(s, n, p)
          return lib.fact_true(s, "ethics", n.year)
        end,
      },
    },

    route "workers_farmers" {
      vi = "Công nhân, nông dân, người lao động (khoản 3)",
      en = "Workers, farmers and other labourers (clause 3)",

      criterion "worker_farmer" {
        basis  = "Luật Thi đua, khen thưởng 2003, Điều 24, khoản 3",
        status = "V",
        vi = "Là công nhân, nông dân, người lao động không thuộc khoản 1, khoản 2",
        en = "Is a worker, farmer or labourer outside clauses 1 and 2",
        check = function(s, n, p)
          if WORKER_FARMER[s.category] then
            return pass(tr("Nhóm: ", "Group: ") .. lib.name("category", s.category))
          end
          return fail(tr("Nhóm: ", "Group: ") .. lib.name("category", s.category)
                      .. tr(": không thuộc khoản 3", ": not under clause 3"))
        end,
      },
      criterion "worker_productive" {
        basis  = "Luật Thi đua, khen thưởng 2003, Điều 24, khoản 3, điểm a",
        status = "V",
        vi = "Lao động sản xuất có hiệu quả, tích cực tham gia phong trào thi đua và "
          .. "hoạt động xã hội",
        en = "Works and produces effectively; active in emulation and social work",
        check = function(s, n, p)
          return lib.fact_true(s, "productive", n.year)
        end,
      },
      criterion "worker_compliance" {
        basis  = "Luật Thi đua, khen thưởng 2003, Điều 24, khoản 3, điểm b",
        status = "V",
        vi = "Gương mẫu chấp hành chủ trương, chính sách của Đảng, pháp luật của Nhà nước",
        en = "Exemplary compliance with Party policy and State law",
        check = function(s, n, p)
          return lib.fact_true(s, "compliance", n.year)
        end,
      },
      criterion "worker_ethics" {
        basis  = "Luật Thi đua, khen thưởng 2003, Điều 24, khoản 3, điểm b",
        status = "V",
        vi = "Có đạo đức, lối sống lành mạnh",
        en = "Sound ethics and lifestyle",
        check = function(s, n, p)
          return lib.fact_true(s, "ethics", n.year)
        end,
      },
      criterion "worker_solidarity" {
        basis  = "Luật Thi đua, khen thưởng 2003, Điều 24, khoản 3, điểm b",
        status = "V",
        vi = "Đoàn kết, tương trợ giúp đỡ mọi người trong cộng đồng",
        en = "Solidarity and help to others in the community",
        check = function(s, n, p)
          return lib.fact_true(s, "self_reliance", n.year)
        end,
      },
    },
  },

  -- khoản 2: the armed forces' title is Chiến sĩ tiên tiến, not LĐTT.
  criterion "not_armed_forces" {
    basis  = "Luật Thi đua, khen thưởng 2003, Điều 24, khoản 2",
    status = "V",
    vi = "Không phải quân nhân, công an (được xét danh hiệu Chiến sĩ tiên tiến)",
    en = "Not armed forces (who receive Advanced Soldier instead)",
    check = function(s, n, p)
      if s.category == "soldier" then
        return fail(tr("Lực lượng vũ trang: xét danh hiệu Chiến sĩ tiên tiến",
                       "Armed forces: judged for Advanced Soldier instead"))
      end
      return pass(tr("Không thuộc lực lượng vũ trang", "Not in the armed forces"))
    end,
  },

  criterion "new_hire_months" {
    basis  = "NĐ 91/2017/NĐ-CP, Điều 10, khoản 6",
    status = "V",
    vi = "Không xét người mới tuyển dụng dưới 10 tháng",
    en = "No title for a new hire of under 10 months",
    check = function(s, n, p)
      return lib.new_hire_ok(s, n.year, p.new_hire_min_months)
    end,
  },

  criterion "no_reprimand" {
    basis  = "NĐ 91/2017/NĐ-CP, Điều 10, khoản 6",
    status = "V",
    vi = "Không bị kỷ luật từ hình thức khiển trách trở lên trong năm",
    en = "No disciplinary measure of reprimand or above in the year",
    check = function(s, n, p)
      return lib.no_discipline(s, n.year, p.discipline_level)
    end,
  },

  criterion "not_under_review" {
    basis  = "NĐ 91/2017/NĐ-CP, Điều 3; TT 08/2017/TT-BNV; TT 12/2019/TT-BNV",
    status = "P",
    vi = "Không đang bị xem xét kỷ luật, điều tra, thanh tra, kiểm tra, khiếu nại, tố cáo",
    en = "Not under disciplinary review, investigation, inspection or complaint",
    check = function(s, n, p)
      return lib.fact_not(s, "under_review", n.year)
    end,
  },
}
