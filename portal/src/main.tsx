import "@digdir/designsystemet-css";
import "@digdir/designsystemet-theme/digdir.css";
import "./theme.css";
import "./i18n";
import { ApolloProvider } from "@apollo/client/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./App";
import { client } from "./apollo";
import { SessionProvider } from "./session";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <SessionProvider>
        <BrowserRouter basename="/portal">
          <App />
        </BrowserRouter>
      </SessionProvider>
    </ApolloProvider>
  </StrictMode>,
);
