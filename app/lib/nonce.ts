import { createContext, useContext } from "react";

/** The CSP nonce of this response; empty in the browser after hydration. */
export const NonceContext = createContext("");
export const useNonce = () => useContext(NonceContext);
