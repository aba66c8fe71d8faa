// A small, well-formed Arabic news page (written for the tests) that the bad-input tests
// break in different ways: drop its closing tags, sprinkle NUL bytes, re-encode it.

export const SAMPLE_TITLE = 'افتتاح سوق شعبي جديد في مدينة السلمية';

export const SAMPLE_PARAGRAPHS = [
  'افتتح مجلس مدينة السلمية في ريف حماة الشرقي، صباح الأحد، سوقا شعبيا جديدا يضم أكثر من مئة بسطة للخضار والفواكه والألبسة المستعملة، بعد أشهر من المطالبات بتنظيم البيع على الأرصفة.',
  'وقال رئيس المجلس في كلمة خلال الافتتاح إن السوق أقيم على أرض تابعة للبلدية قرب الكراج القديم، وإن رسوم الإشغال ستكون رمزية في الأشهر الستة الأولى لتشجيع الباعة على الانتقال إليه.',
  'ورحب عدد من الباعة بالخطوة، مؤكدين أن الوقوف على الأرصفة كان يعرضهم للمخالفات ويزعج المارة، فيما أبدى آخرون خشيتهم من بعد المكان عن مركز المدينة وقلة الزبائن في البداية.',
  'ويأمل الأهالي أن يسهم السوق في خفض الأسعار، بعد أن ارتفعت أسعار الخضار خلال الشهر الماضي بنسبة تجاوزت الثلاثين بالمئة بسبب غلاء النقل والمحروقات.',
];

/** The sample page; `charset` is what its <meta> declares (null: no declaration at all). */
export function samplePage(charset: string | null = 'utf-8'): string {
  const meta = charset === null ? '' : `<meta charset="${charset}">\n`;
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
${meta}<title>${SAMPLE_TITLE} - شبكة العاصي</title>
<meta property="og:site_name" content="شبكة العاصي">
<style>body{font-family:Tahoma}</style>
</head>
<body>
<div class="header">
<a href="/" class="logo"><img src="/logo.png" alt="شبكة العاصي"></a>
<ul class="menu">
<li><a href="/">الرئيسية</a></li>
<li><a href="/hama">حماة</a></li>
<li><a href="/homs">حمص</a></li>
<li><a href="/economy">اقتصاد</a></li>
</ul>
</div>
<div class="main">
<div class="article">
<h1>${SAMPLE_TITLE}</h1>
<div class="meta"><span class="date">2022-09-18</span> <span class="author">كتب: علاء الدين الحموي</span></div>
<div class="text">
${SAMPLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
</div>
<div class="share">شارك: <a href="#">فيسبوك</a> <a href="#">تويتر</a></div>
</div>
<div class="side">
<h3>الأكثر قراءة</h3>
<ul>
<li><a href="/n/1">انقطاع المياه عن أحياء في حماة</a></li>
<li><a href="/n/2">ارتفاع سعر الخبز السياحي في حمص</a></li>
</ul>
</div>
</div>
<div class="footer">جميع الحقوق محفوظة © 2022 شبكة العاصي</div>
</body>
</html>
`;
}
