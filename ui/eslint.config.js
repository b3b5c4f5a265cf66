// Lints the front end: TypeScript, the rules of React hooks (with exhaustive effect
// dependencies) and accessibility of the markup. `npm run lint` fails on any warning.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  // Built output, and the bindings generated from the Rust command table.
  { ignores: ["dist/**", "src/bindings/**"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  jsxA11y.flatConfigs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      ecmaVersion: 2022,
      globals: globals.browser,
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // useLoaded takes a dependency list like useEffect's: the rule checks it where it is called.
      "react-hooks/exhaustive-deps": ["warn", { additionalHooks: "^useLoaded$" }],
      // Choices and switches wrap their input with a title and a hint, each in its own span
      // inside a span: the text is three levels down.
      "jsx-a11y/label-has-associated-control": ["error", { depth: 3 }],
      // TypeScript reports unused names itself (noUnusedLocals); here an underscore marks one kept on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["vite.config.ts", "eslint.config.js"],
    languageOptions: { globals: globals.node },
  },
);
