import { defineConfig } from "vite";

// The application is static files under the server's root; the API answers on /api of the same
// origin. No inline script or style: the server's Content-Security-Policy forbids both.
export default defineConfig({
  root: "src/main/web",
  base: "/",
  build: {
    target: "es2022",
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:7070" },
  },
});
