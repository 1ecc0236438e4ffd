#!/usr/bin/env node
// Packages the VS Code extension in editors/vscode: assembles its folder (with the grammar from
// grammar/) and zips it into a .vsix that `code --install-extension` accepts. Publishes nothing.
//
// usage: node scripts/package-vscode.mjs [--out DIR] [--skip-dependencies]
//   --out DIR              where to put extension/ and the .vsix (default editors/vscode/dist)
//   --skip-dependencies    package without node_modules (to inspect the layout; it will not run)
//
// Install the extension's own dependency first: (cd editors/vscode && npm install --omit=dev).

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync } from "node:zlib";

const root = fileURLToPath(new URL("..", import.meta.url));
const extensionSource = join(root, "editors", "vscode");
const grammar = join(root, "grammar", "nnspec.tmLanguage.json");
const files = ["package.json", "extension.js", "language-configuration.json", "README.md"];

function main(argv) {
  const options = parseOptions(argv);
  const manifest = JSON.parse(readFileSync(join(extensionSource, "package.json"), "utf8"));
  const dependencies = join(extensionSource, "node_modules");
  if (!options.skipDependencies && !existsSync(join(dependencies, "vscode-languageclient"))) {
    process.stderr.write(
      "package-vscode: editors/vscode/node_modules has no vscode-languageclient; run\n" +
        "  (cd editors/vscode && npm install --omit=dev)\n" +
        "first, or pass --skip-dependencies to package the layout alone.\n",
    );
    return 1;
  }

  const folder = join(options.out, "extension");
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(folder, "syntaxes"), { recursive: true });
  for (const file of files) cpSync(join(extensionSource, file), join(folder, file));
  cpSync(grammar, join(folder, "syntaxes", "nnspec.tmLanguage.json"));
  if (!options.skipDependencies) cpSync(dependencies, join(folder, "node_modules"), { recursive: true });

  const entries = listFiles(folder).map((path) => ({
    name: `extension/${relative(folder, path).split(sep).join("/")}`,
    data: readFileSync(path),
  }));
  entries.unshift(
    { name: "extension.vsixmanifest", data: Buffer.from(vsixManifest(manifest)) },
    { name: "[Content_Types].xml", data: Buffer.from(contentTypes(entries.map((e) => e.name))) },
  );
  const vsix = join(options.out, `${manifest.name}-${manifest.version}.vsix`);
  writeFileSync(vsix, zip(entries));
  const shown = relative(process.cwd(), vsix);
  process.stdout.write(`${shown.startsWith("..") ? vsix : shown}: ${entries.length} files\n`);
  return 0;
}

function parseOptions(argv) {
  const options = { out: join(extensionSource, "dist"), skipDependencies: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out" && argv[i + 1] !== undefined) options.out = argv[++i];
    else if (argv[i] === "--skip-dependencies") options.skipDependencies = true;
    else throw new Error(`unknown argument '${argv[i]}' (usage: package-vscode.mjs [--out DIR] [--skip-dependencies])`);
  }
  return options;
}

/** Every file under `dir`, sorted so the package is the same from run to run. */
function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** The manifest VS Code reads from a .vsix, as vsce writes it. */
function vsixManifest(manifest) {
  const xml = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  return `<?xml version="1.0" encoding="utf-8"?>
<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011" xmlns:d="http://schemas.microsoft.com/developer/vsx-schema-design/2011">
  <Metadata>
    <Identity Language="en-US" Id="${xml(manifest.name)}" Version="${xml(manifest.version)}" Publisher="${xml(manifest.publisher)}" />
    <DisplayName>${xml(manifest.displayName)}</DisplayName>
    <Description xml:space="preserve">${xml(manifest.description)}</Description>
    <Categories>${xml(manifest.categories.join(","))}</Categories>
    <GalleryFlags>Public</GalleryFlags>
    <Properties>
      <Property Id="Microsoft.VisualStudio.Code.Engine" Value="${xml(manifest.engines.vscode)}" />
    </Properties>
  </Metadata>
  <Installation>
    <InstallationTarget Id="Microsoft.VisualStudio.Code" />
  </Installation>
  <Dependencies />
  <Assets>
    <Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true" />
    <Asset Type="Microsoft.VisualStudio.Services.Content.Details" Path="extension/README.md" Addressable="true" />
  </Assets>
</PackageManifest>
`;
}

/** The Open Packaging content types: one per file extension, one per file without an extension. */
function contentTypes(names) {
  const known = { ".json": "application/json", ".js": "application/javascript", ".md": "text/markdown", ".vsixmanifest": "text/xml" };
  const extensions = new Set([".vsixmanifest", ...names.map((name) => extname(name).toLowerCase()).filter((e) => e !== "")]);
  const defaults = [...extensions]
    .sort()
    .map((e) => `  <Default Extension="${e}" ContentType="${known[e] ?? "application/octet-stream"}" />`);
  const overrides = names
    .filter((name) => extname(name) === "")
    .map((name) => `  <Override PartName="/${encodeURI(name)}" ContentType="application/octet-stream" />`);
  return `<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
${[...defaults, ...overrides].join("\n")}
</Types>
`;
}

/** A zip archive of the entries, deflated, with a fixed date so builds are reproducible. */
function zip(entries) {
  if (entries.length > 0xffff) throw new Error("too many files for a zip without zip64");
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  const UTF8_NAMES = 1 << 11;
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: deflate
    header.writeUInt16LE(UTF8_NAMES, 6);
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(0, 10); // time
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(compressed.length, 18);
    header.writeUInt32LE(entry.data.length, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    locals.push(header, name, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += header.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data) {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`package-vscode: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
