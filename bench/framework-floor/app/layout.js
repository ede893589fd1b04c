/** Next.js asks for a root layout: the routes under app/api and the one page, app/pagina. */
export default function RootLayout({ children }) {
  return (
    <html lang="nl">
      <body>{children}</body>
    </html>
  );
}
