import { describe, expect, it } from "vitest";
import { CV_MESSAGES, cvFileName, inspectCv, isDocx, MAX_CV_BYTES } from "../../app/modules/jobs/cv";
import { docxBytes, ELF_CV, EXE_CV, pdfBytes, TEXT_CV, xlsxLikeZip, zipBytes } from "../support/cv-files";

const bytes = (b: Buffer) => new Uint8Array(b);

describe("recognising a CV by its bytes", () => {
  it("recognises a PDF", () => {
    expect(inspectCv(bytes(pdfBytes()))).toEqual({ ok: true, kind: "pdf", contentType: "application/pdf" });
  });

  it("recognises a DOCX from its ZIP central directory", () => {
    expect(inspectCv(bytes(docxBytes()))).toEqual({
      ok: true,
      kind: "docx",
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
  });

  it("recognises a DOCX from its local headers when the central directory is missing", () => {
    const parts = { "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" };
    expect(isDocx(bytes(zipBytes(parts, { centralDirectory: false })))).toBe(true);
  });

  it("refuses a ZIP that is not a Word document", () => {
    expect(inspectCv(bytes(xlsxLikeZip()))).toEqual({ ok: false, message: CV_MESSAGES.wrongType });
    expect(isDocx(bytes(zipBytes({ "word/document.xml": "<w:document/>" })))).toBe(false);
  });

  it("refuses a Windows or Linux program, whatever it is called", () => {
    expect(inspectCv(bytes(EXE_CV))).toEqual({ ok: false, message: CV_MESSAGES.program });
    expect(inspectCv(bytes(ELF_CV))).toEqual({ ok: false, message: CV_MESSAGES.program });
  });

  it("refuses plain text and an empty file with their own messages", () => {
    expect(inspectCv(bytes(TEXT_CV))).toEqual({ ok: false, message: CV_MESSAGES.wrongType });
    expect(inspectCv(new Uint8Array())).toEqual({ ok: false, message: CV_MESSAGES.empty });
  });

  it("refuses a PDF one byte over 5 MB and accepts one of exactly 5 MB", () => {
    const at = (size: number) => {
      const b = new Uint8Array(size);
      b.set(pdfBytes().subarray(0, 9));
      return b;
    };
    expect(inspectCv(at(MAX_CV_BYTES)).ok).toBe(true);
    expect(inspectCv(at(MAX_CV_BYTES + 1))).toEqual({ ok: false, message: CV_MESSAGES.tooLarge });
  });

  it("needs the PDF signature at the very start", () => {
    expect(inspectCv(bytes(Buffer.concat([Buffer.from(" "), pdfBytes()]))).ok).toBe(false);
  });
});

describe("the downloaded CV's file name", () => {
  it("is made of the applicant's name in plain letters", () => {
    expect(cvFileName("Amal Haddad", "pdf")).toBe("cv-amal-haddad.pdf");
    expect(cvFileName("Zoë  O'Brien-Ávila", "docx")).toBe("cv-zoe-o-brien-avila.docx");
  });

  it("falls back to 'applicant' when no plain letters are left", () => {
    expect(cvFileName("محمد", "pdf")).toBe("cv-applicant.pdf");
    expect(cvFileName('"; rm -rf /', "pdf")).toBe("cv-rm-rf.pdf");
  });
});
