-- Regime A: the 2003 Law on Emulation and Commendation (as amended in 2005,
-- 2009 and 2013), Decree 91/2017/NĐ-CP and its circulars.
--
-- Sources: shared/domain/national-criteria.md (the "A" rows, §2–§4) and
-- shared/domain/kontum-notes.md §2.1 (the national floor under Kon Tum's
-- QĐ 29/2018). Every criterion carries the status label of the row it encodes
-- ([V] verbatim, [V-en] in translation, [P] paraphrase, [U] unverified).
--
-- Every number the texts state lives in `params` below; the forms read them
-- as p.<name>. A name "form.key" is the parameter `key` of that form only.
ruleset {
  id             = "vn/nd91-2017",
  title          = {
    vi = "Chế độ thi đua, khen thưởng theo Luật Thi đua, khen thưởng 2003 "
      .. "(sửa đổi, bổ sung 2005, 2009, 2013) và Nghị định 91/2017/NĐ-CP",
    en = "Emulation and commendation under the 2003 Law (amended 2005, 2009, "
      .. "2013) and Decree 91/2017/ND-CP",
  },
  basis          = "Luật Thi đua, khen thưởng 15/2003/QH11 (sửa đổi, bổ sung bởi "
                .. "47/2005/QH11, 32/2009/QH12, 39/2013/QH13); NĐ 91/2017/NĐ-CP; "
                .. "TT 08/2017/TT-BNV (2018–2019); TT 12/2019/TT-BNV (từ 01/01/2020, "
                .. "khoản 7 Điều 2 bị bãi bỏ bởi TT 05/2020/TT-BNV)",
  effective_from = "2017-10-01",
  effective_to   = "2023-12-31",
  caveats        = {
    "Chưa đọc được toàn văn Luật 2003 (hợp nhất), NĐ 91/2017, TT 08/2017, "
      .. "TT 12/2019: các tiêu chí được đọc qua trang hỏi đáp chính thức và báo "
      .. "chí trích dẫn; mỗi tiêu chí ghi rõ mức độ (V, V-en, P, U), kết quả dựa "
      .. "trên tiêu chí U phải đối chiếu văn bản. (The primary texts were not "
      .. "read in full; each criterion carries its status.)",
    "Chế độ A gồm hai lớp thông tư: TT 08/2017/TT-BNV áp dụng 2018–2019, "
      .. "TT 12/2019/TT-BNV từ 01/01/2020 (khoản 7 Điều 2 bị TT 05/2020/TT-BNV "
      .. "bãi bỏ, nội dung chưa đọc). Các quy định cấp thông tư được mã hóa "
      .. "(đang bị xem xét, không cộng dồn) được hiểu như nhau ở cả hai; chưa "
      .. "biết khác biệt nào. (TT 08/2017 governed 2018–2019, TT 12/2019 from "
      .. "2020; no difference between them is encoded or known.)",
    "Chưa kiểm chứng [U]: Bằng khen cấp bộ, tỉnh (NĐ 91 Điều 39, mọi điểm); "
      .. "Cờ thi đua cấp tỉnh ngoài việc bình xét trong khối, cụm (Luật Điều "
      .. "26); sáng kiến phạm vi toàn quốc của CSTĐ toàn quốc; tiêu chuẩn tập "
      .. "thể, công nhân, nông dân của Bằng khen Thủ tướng (NĐ 91 Điều 38 k2–k3: "
      .. "để người xét). (Many clauses are U; see each criterion.)",
    "Không mã hóa (thiếu văn bản hoặc dữ liệu): Giấy khen (chưa đọc tiêu "
      .. "chuẩn quốc gia nào; thuộc lớp quy định của tỉnh); Huân chương Lao động "
      .. "hạng Ba cho tập thể, công nhân, nông dân, theo quá trình cống hiến; "
      .. "Cờ thi đua Chính phủ cho bộ, tỉnh dẫn đầu khối, cụm của Hội đồng TĐKT "
      .. "Trung ương (NĐ 91 Điều 11 khoản 2: không có dữ liệu về khối trung "
      .. "ương); thời điểm xét CSTĐ toàn quốc (NĐ 91 Điều 48 khoản 1 điểm a); "
      .. "điều động, biệt phái; lực lượng vũ trang. (Not encoded: Giấy khen, "
      .. "HCLĐ3 for collectives/workers/dedication, Cờ CP k2, CSTĐTQ timing, "
      .. "transfers, armed forces.)",
    "Kỷ luật: LĐTT bị loại trong năm có quyết định kỷ luật từ khiển trách "
      .. "(tính theo ngày quyết định; văn bản chưa rõ tính theo năm vi phạm hay "
      .. "năm quyết định, A-LDTT-8). Chế độ A không có quy tắc tính lại thành "
      .. "tích sau thời hạn kỷ luật (D19). (The discipline bar counts the "
      .. "decision date; no recount rule in regime A.)",
    "Khen thưởng theo đợt, chuyên đề không được tính làm căn cứ khen thưởng "
      .. "cấp Nhà nước (NĐ 91 Điều 3, [P]); khen thưởng đột xuất vẫn được tính "
      .. "— suy luận từ việc văn bản không loại trừ (D18). (Thematic honours "
      .. "never count toward state awards; ad-hoc ones do, by inference.)",
  },
  -- Set-wide numbers. Each form declares its own (its `params`, named
  -- "<form>.<name>" here and in `tdkt rules list`): a child set overrides
  -- either by name, e.g. ["cstd_cs.quota_pct"] = 10.
  params         = {
    -- NĐ 91 Điều 10 khoản 6: no title for a new hire of under 10 months.
    new_hire_min_months                = 10,
    -- Luật Điều 22 / NĐ 91 Điều 9 khoản 2: CSTĐ cấp tỉnh follows 3
    -- consecutive CSTĐCS titles; CSTĐ toàn quốc counts runs of this length.
    cstd_cs_streak                     = 3,
    -- Luật Điều 27, 28 (as read): collective titles are barred when any
    -- member had a measure at this level or above in the year.
    collective_discipline_level        = "warning",
  },
}
