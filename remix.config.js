// Integration tests build into their own folder (LADDER_BUILD_DIR) so that parallel runs and a
// running server never share build/.
const testBuild = process.env.LADDER_BUILD_DIR;

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*"],
  serverModuleFormat: "esm",
  tailwind: true,
  ...(testBuild ? { serverBuildPath: `${testBuild}/index.js`, assetsBuildDirectory: `${testBuild}/public/build` } : {}),
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
