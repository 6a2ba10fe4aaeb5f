import applicationsEnglish from "~/locales/en/applications.json";
import hiringEnglish from "~/locales/en/hiring.json";
import type { MessageValues, Translate } from "~/lib/i18n";

/**
 * English for a caller without a translator (the unit tests; other areas' English words): the
 * catalogs' own text with its {name} and {name, number} filled in. Pages, emails and
 * notifications pass the reader's translator instead (decision 040).
 */
function englishOf(catalogs: Record<string, Record<string, string>>): Translate {
  return (id: string, values?: MessageValues) => {
    const dot = id.indexOf(".");
    const text = catalogs[id.slice(0, dot)]?.[id.slice(dot + 1)] ?? id;
    // Only plain arguments ({name}, {name, number}): these messages have no plural or select.
    return text
      .split("{")
      .map((part, i) => {
        if (i === 0) return part;
        const end = part.indexOf("}");
        const [name, type] = part.slice(0, end).split(",").map((word) => word.trim());
        const value = values?.[name];
        return (type === "number" && typeof value === "number" ? value.toLocaleString("en-GB") : String(value ?? "")) + part.slice(end + 1);
      })
      .join("");
  };
}
export const english: Translate = /* @__PURE__ */ englishOf({ applications: applicationsEnglish, hiring: hiringEnglish });
