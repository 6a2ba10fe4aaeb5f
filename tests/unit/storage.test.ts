import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fsp from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { diskStorage, isStorageKey, randomKey, StorageKeyError } from "../../app/services/storage.server";

describe("local disk storage", () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-storage-"));
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("stores bytes with their content type, returns them, and deletes them", async () => {
    const store = diskStorage(path.join(root, "uploads"));
    const key = randomKey("avatar", "png");
    const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0a, 0x00, 0xff]);
    await store.put(key, bytes, "image/png");
    const got = await store.get(key);
    expect(got?.contentType).toBe("image/png");
    expect(Buffer.from(got!.bytes)).toEqual(Buffer.from(bytes));
    expect(fs.readdirSync(path.join(root, "uploads"))).toEqual([key]);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await expect(store.delete(key)).resolves.toBeUndefined();
  });

  it("syncs the file, then the folder that names it, before put() returns (a committed row's file survives a power loss)", async () => {
    const synced: string[] = [];
    const realOpen = fsp.open.bind(fsp);
    const open = vi.spyOn(fsp, "open").mockImplementation(async (...args: Parameters<typeof fsp.open>) => {
      const handle = await realOpen(...args);
      const realSync = handle.sync.bind(handle);
      handle.sync = async () => {
        synced.push(`${String(args[1])} ${path.basename(String(args[0]))}`);
        return realSync();
      };
      return handle;
    });
    try {
      const key = randomKey("cv", "pdf");
      await diskStorage(path.join(root, "uploads")).put(key, Uint8Array.from([0x25, 0x50, 0x44, 0x46]), "application/pdf");
      expect(synced).toHaveLength(2);
      expect(synced[0]).toMatch(new RegExp(`^w ${key.replace(".", "\\.")}\\.tmp-[0-9a-f]{12}$`));
      expect(synced[1]).toBe("r uploads");
      expect(fs.readdirSync(path.join(root, "uploads"))).toEqual([key]);
    } finally {
      open.mockRestore();
    }
  });

  it("answers null for a key that was never stored", async () => {
    expect(await diskStorage(root).get(randomKey("avatar", "png"))).toBeNull();
  });

  it("makes random keys of 128 bits that never repeat", () => {
    const keys = new Set(Array.from({ length: 200 }, () => randomKey("avatar", "webp")));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(/^avatar-[0-9a-f]{32}\.webp$/);
  });

  it("refuses keys that could leave its folder or hide a file", async () => {
    fs.writeFileSync(path.join(root, "secret"), "image/png\nsecret");
    const store = diskStorage(path.join(root, "uploads"));
    for (const key of ["../secret", "..", "avatar-0123456789abcdef/../../secret", "/etc/passwd", "avatar-0123456789abcdef\0.png", ".hidden-0123456789abcdef", "AVATAR-0123456789ABCDEF", ""]) {
      expect(isStorageKey(key), key).toBe(false);
      expect(await store.get(key), key).toBeNull();
      await expect(store.put(key, new Uint8Array([1]), "image/png"), key).rejects.toBeInstanceOf(StorageKeyError);
      await expect(store.delete(key), key).rejects.toBeInstanceOf(StorageKeyError);
    }
    expect(fs.readFileSync(path.join(root, "secret"), "utf8")).toBe("image/png\nsecret");
  });

  it("refuses a content type that could inject a header", async () => {
    await expect(diskStorage(root).put(randomKey("avatar"), new Uint8Array([1]), "image/png\r\nSet-Cookie: x=1")).rejects.toThrow(/content type/);
  });
});
