/** Any URL no route claims: a real 404 page with a way back (rendered by the root ErrorBoundary). */
export async function loader() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
