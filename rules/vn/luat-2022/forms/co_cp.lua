-- Cờ thi đua của Chính phủ (tập thể), regime B.
--
-- Luật Thi đua, khen thưởng 2022, Điều 25 (read in an English rendering:
-- [V-en]), one of:
--   khoản 1: annual, to outstanding collectives among those leading the
--            khối / cụm thi đua of ministries and provinces:
--            a) excellent, exceeding the year's targets and tasks;
--            b) internal unity; clean and strong party and mass
--               organisations; leading in thrift, against waste and
--               corruption;
--   khoản 2: annual leader of a khối / cụm thi đua of the Hội đồng Thi đua -
--            Khen thưởng Trung ương;
--   khoản 3: the collective leading a movement launched by the Prime
--            Minister lasting 05 years or more, at its sơ kết / tổng kết.
--   khoản 4: the Government details it (NĐ 98): the article and any cap
--            were not read [U]: no quota is encoded (regime A's 20% is A's).
-- NĐ 98/2023/NĐ-CP, Điều 4 [V]: no award while a review is pending.
--
-- Cases: D16 (party cell not "trong sạch, vững mạnh" → not via khoản 1);
-- D17 (a movement of the State President is not one of the Prime Minister).
--
-- Khoản 1 điểm a is two conditions: "excellent" is the collective's own
-- rating for the year (appraisals; missing is unknown), "exceeding the
-- targets and tasks" the attested fact exceeded_targets.
-- Facts read: bloc_rank, exceeded_targets, internal_unity,
-- party_org_clean, thrift (unit); movement_launched_by, movement_years
-- (nomination); outstanding (unit). NEW KEY (not yet in vocabulary.md):
-- central_bloc_rank, the rank in a bloc of the Central council. A missing
-- central_bloc_rank means the collective is in no such bloc, so that route
-- fails rather than wait for review; missing movement facts fail only for
-- a nomination that names no movement (lib.movement_missing), and a
-- missing bloc_rank is a judgement nobody attested (unknown).
-- Not encoded: at most one State award a year, which regime A encodes
-- (TT 08/2017, [P]); no such rule was read for NĐ 98 (national-criteria.md
-- §4.1: [U]).

form "co_cp" {
  subject = "unit",
  name    = { vi = "Cờ thi đua của Chính phủ", en = "Government Emulation Flag" },
  basis   = "Luật Thi đua, khen thưởng 2022, Điều 25",
  params  = {
    -- "dẫn đầu" a khối / cụm thi đua: rank 1 (khoản 1, khoản 2) [V-en]
    bloc_rank = 1,
    -- a movement of the Prime Minister of 05 years or more (khoản 3) [V-en]
    movement_years = 5,
  },

  criterion "not_under_review" {
    basis  = "NĐ 98/2023/NĐ-CP, Điều 4",
    status = "V",
    vi = "Không trong thời gian đang bị xem xét kỷ luật, điều tra, thanh tra, "
      .. "kiểm tra hoặc có khiếu nại, tố cáo đang được xác minh",
    en = "No disciplinary review, investigation, inspection or complaint "
      .. "pending",
    check = function(s, n, p)
      return lib.fact_not(s, "under_review", n.year)
    end,
  },

  routes "route" {
    vi = "Đạt một trong các trường hợp của Điều 25",
    en = "One of the cases of Article 25",

    route "k1_bloc_leader" {
      vi = "Tập thể dẫn đầu cụm, khối thi đua của bộ, ban, ngành, tỉnh",
      en = "Leader of a ministry's or province's bloc",
      criterion "k1_leads_bloc" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 25, khoản 1",
        status = "V-en",
        vi = "Được lựa chọn trong số các tập thể dẫn đầu cụm, khối thi đua "
          .. "của bộ, ban, ngành, tỉnh",
        en = "Among the collectives leading a ministry's or province's bloc",
        check = function(s, n, p)
          return lib.leads_bloc(s, n.year, p.bloc_rank, unknown)
        end,
      },
      criterion "k1_excellent" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 25, khoản 1, điểm a",
        status = "V-en",
        vi = "Hoàn thành xuất sắc nhiệm vụ được giao trong năm (xếp loại của "
          .. "tập thể)",
        en = "Excellent: the collective rated excellent for the year",
        check = function(s, n, p)
          return lib.unit_rated(s, n.year, "excellent")
        end,
      },
      criterion "k1_exceeded_targets" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 25, khoản 1, điểm a",
        status = "V-en",
        vi = "Hoàn thành vượt mức các chỉ tiêu thi đua và nhiệm vụ được giao "
          .. "trong năm",
        en = "Exceeded the year's emulation targets and tasks",
        check = function(s, n, p)
          return lib.fact_true(s, "exceeded_targets", n.year)
        end,
      },
      criterion "k1_internal_unity" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 25, khoản 1, điểm b",
        status = "V-en",
        vi = "Nội bộ đoàn kết",
        en = "Internal unity",
        check = function(s, n, p)
          return lib.fact_true(s, "internal_unity", n.year)
        end,
      },
      criterion "k1_party_org_clean" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 25, khoản 1, điểm b",
        status = "V-en",
        vi = "Tổ chức đảng, đoàn thể trong sạch, vững mạnh",
        en = "Clean and strong party and mass organisations",
        check = function(s, n, p)
          return lib.fact_true(s, "party_org_clean", n.year)
        end,
      },
      criterion "k1_thrift" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 25, khoản 1, điểm b",
        status = "V-en",
        vi = "Đi đầu trong thực hành tiết kiệm, chống lãng phí, chống tham "
          .. "nhũng",
        en = "Leads in thrift and against waste and corruption",
        check = function(s, n, p)
          return lib.fact_true(s, "thrift", n.year)
        end,
      },
    },

    route "k2_central_bloc" {
      vi = "Dẫn đầu cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng "
        .. "Trung ương tổ chức",
      en = "Leader of a bloc of the Central Emulation Council",
      criterion "k2_leads_central_bloc" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 25, khoản 2",
        status = "V-en",
        vi = "Dẫn đầu phong trào thi đua hằng năm của cụm, khối thi đua do "
          .. "Hội đồng Thi đua - Khen thưởng Trung ương tổ chức",
        en = "Annual leader of a bloc of the Central Emulation Council",
        check = function(s, n, p)
          return lib.rank_at_most(s, n.year, "central_bloc_rank", p.bloc_rank, fail)
        end,
      },
    },

    route "k3_pm_movement" {
      vi = "Dẫn đầu phong trào thi đua do Thủ tướng Chính phủ phát động",
      en = "Leader of a movement launched by the Prime Minister",
      criterion "k3_prime_minister_movement" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 25, khoản 3",
        status = "V-en",
        vi = "Phong trào thi đua do Thủ tướng Chính phủ phát động",
        en = "The movement was launched by the Prime Minister",
        check = function(s, n, p)
          local by = n:fact("movement_launched_by")
          if by == nil then
            return lib.movement_missing(n, { "cấp phát động", "launcher" })
          end
          if by == "prime_minister" then
            return pass(tr("phát động bởi ",
                "launched by ") .. lib.name("launcher", by))
          end
          return fail(tr("phát động bởi ", "launched by ") .. lib.name("launcher", by))
        end,
      },
      criterion "k3_five_years" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 25, khoản 3",
        status = "V-en",
        vi = "Phong trào được sơ kết, tổng kết từ 05 năm trở lên",
        en = "Reviewed after the movement ran at least 5 years",
        check = function(s, n, p)
          local yrs = n:fact("movement_years")
          if yrs == nil then
            return lib.movement_missing(n, { "thời gian phong trào",
              "movement length" })
          end
          if type(yrs) ~= "number" then
            return unknown(tr("thời gian phong trào không phải là số: ",
              "movement length is not a number: ") .. tostring(yrs))
          end
          local d = string.format(tr("phong trào %d năm",
              "movement of %d year(s)"), yrs)
          if yrs >= p.movement_years then return pass(d) end
          return fail(d)
        end,
      },
      criterion "k3_leads_movement" {
        basis  = "Luật Thi đua, khen thưởng 2022, Điều 25, khoản 3",
        status = "V-en",
        vi = "Là tập thể tiêu biểu xuất sắc, dẫn đầu phong trào",
        en = "Selected as the collective leading the movement",
        check = function(s, n, p)
          return lib.fact_true(s, "outstanding", n.year)
        end,
      },
    },
  },
}
