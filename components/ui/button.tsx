import { PageLink } from "./page-link";
import type { ButtonHTMLAttributes, ReactNode } from "react";

const variants = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 border-brand-700",
  secondary: "bg-white text-brand-700 hover:bg-brand-50 border-brand-700",
  danger: "bg-red-700 text-white hover:bg-red-800 border-red-700",
} as const;

const base =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded border-2 px-5 py-2 font-semibold no-underline transition-colors disabled:cursor-not-allowed disabled:opacity-60";

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants }) {
  return <button className={`${base} ${variants[variant]} ${className}`} {...props} />;
}

export function ButtonLink({
  href,
  variant = "primary",
  children,
  className = "",
}: {
  href: string;
  variant?: keyof typeof variants;
  children: ReactNode;
  className?: string;
}) {
  return (
    <PageLink href={href} className={`${base} ${variants[variant]} hover:text-inherit ${className}`}>
      {children}
    </PageLink>
  );
}
