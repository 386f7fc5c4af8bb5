import { type ComponentType, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * A page loaded when first needed, like `React.lazy` but without Suspense: React 19 holds a
 * Suspense fallback on screen for at least 300 ms, which would delay every page's first data
 * by that much. `preload()` starts the download early (e.g. while the session is read).
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>) {
  let loaded: ComponentType | null = null;
  let loading: Promise<ComponentType> | null = null;
  const preload = () => {
    loading ??= load().then((module) => {
      loaded = module.default;
      return loaded;
    });
    return loading;
  };
  function Page() {
    const { t } = useTranslation();
    const [Component, setComponent] = useState<ComponentType | null>(() => loaded);
    useEffect(() => {
      if (Component) return;
      let live = true;
      void preload().then((component) => {
        if (live) setComponent(() => component);
      });
      return () => {
        live = false;
      };
    }, [Component]);
    return Component ? <Component /> : <p>{t("app.loading")}</p>;
  }
  return Object.assign(Page, { preload });
}
