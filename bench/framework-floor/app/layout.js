/** Next.js asks for a root layout; the app has no pages, only the two routes under app/api. */
export default function RootLayout({ children }) {
  return (
    <html lang="nl">
      <body>{children}</body>
    </html>
  );
}
