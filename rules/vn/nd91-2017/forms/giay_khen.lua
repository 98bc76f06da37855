-- Giấy khen (cá nhân; tập thể, gia đình), regime A.
--
-- Luật Thi đua, khen thưởng 2003, Điều 75 (cá nhân) and Điều 76 (tập thể),
-- as amended; NĐ 91/2017/NĐ-CP (the article was not read). None of it was
-- read ([U], national-criteria.md §2.9); the typical content ("thành tích
-- được bình xét trong phong trào thi đua; thành tích đột xuất; hoàn thành
-- tốt nhiệm vụ …") is a recollection, and the domain says to encode Giấy
-- khen in the ministry or province layer.
--
-- The national layer therefore gives no standard: every nomination that
-- is not barred goes to review, rather than to an error for want of a
-- form, until a ministry or province amends the criterion
-- "standard_delegated" with its own criteria. Two forms, one per kind of
-- subject: persons, and units (collectives and families, a unit of kind
-- `household`). Kinds other than the three the typical content names go
-- to a person as well.

local ENCODED = { merit = true, thematic = true, ad_hoc = true }

-- Criteria common to both subjects (fresh tables for each form).
local function common(who)
  return {
    criterion "not_under_review" {
      basis  = "NĐ 91/2017/NĐ-CP, Điều 3; TT 08/2017/TT-BNV; TT 12/2019/TT-BNV",
      status = "P",
      vi = "Không đang bị xem xét kỷ luật, điều tra, thanh tra, kiểm tra, khiếu "
        .. "nại, tố cáo",
      en = "Not under disciplinary review, investigation, inspection or "
        .. "complaint",
      check = function(s, n, p)
        return lib.fact_not(s, "under_review", n.year)
      end,
    },

    criterion "kind_encoded" {
      basis  = "NĐ 91/2017/NĐ-CP, Điều 13",
      status = "V-en",
      vi = "Loại khen thưởng có tiêu chí được nêu (thường xuyên, theo phong "
        .. "trào thi đua, đột xuất)",
      en = "A kind of commendation whose criteria are named (merit, "
        .. "movement, ad hoc)",
      check = function(s, n, p)
        return lib.kind_encoded(n, ENCODED)
      end,
    },

    criterion "standard_delegated" {
      basis  = "Luật Thi đua, khen thưởng 2003, Điều 75, Điều 76",
      status = "U",
      vi = "Đạt tiêu chuẩn xét tặng Giấy khen (văn bản chưa đọc được; bộ, "
        .. "ngành, tỉnh quy định chi tiết)",
      en = "Meets the Certificate standard (text not read; ministries and "
        .. "provinces detail it)",
      check = function(s, n, p)
        return unknown(who(s) .. tr(": tiêu chuẩn Giấy khen của Điều 75, 76 Luật "
          .. "2003 chưa đọc được; cần người xét",
          ": the Certificate standard of Luật 2003 Điều 75, 76 was not "
          .. "read; a person decides"))
      end,
    },
  }
end

form "giay_khen" {
  kinds   = { "merit", "thematic", "ad_hoc" },  -- other kinds: a person decides
  subject = "person",
  name    = { vi = "Giấy khen", en = "Certificate of Commendation" },
  basis   = "Luật Thi đua, khen thưởng 2003, Điều 75",
  table.unpack(common(function(s) return tr("cá nhân", "individual") end)),
}

form "giay_khen" {
  kinds   = { "merit", "thematic", "ad_hoc" },  -- other kinds: a person decides
  subject = "unit",
  name    = { vi = "Giấy khen", en = "Certificate of Commendation" },
  basis   = "Luật Thi đua, khen thưởng 2003, Điều 76",
  table.unpack(common(function(s)
    if s.kind == "household" then return tr("gia đình", "family") end
    return tr("tập thể", "collective")
  end)),
}
