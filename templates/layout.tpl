{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{{TITLE}} – [[app.name]]</title>
<link rel="icon" href="/static/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body{{#SESSION}} data-session-expires="{{EXPIRES}}" data-session-warning="[[session.warning]]"{{/SESSION}}>
<a class="skip-link" href="#main">[[nav.skip]]</a>
<header class="site-header">
  <div class="bar">
    <a class="brand" href="/">[[app.name]]</a>
    <div class="tools">
      <a class="lang-switch" href="{{LANG_SWITCH_HREF}}" lang="{{OTHER_LANG}}" hreflang="{{OTHER_LANG}}">[[nav.language_other]]</a>
      {{#SIGNED_IN}}<form method="post" action="/logout" class="inline">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <button type="submit" class="link-button">[[nav.logout]]</button>
      </form>{{/SIGNED_IN}}
    </div>
  </div>
  {{#SIGNED_IN}}
  <div class="bar bar-nav">
    {{#MENU}}<nav aria-label="[[nav.main]]">
      <ul class="nav">
        {{#NAV}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>{{/NAV}}
      </ul>
    </nav>{{/MENU}}
    <p class="who"><span class="visually-hidden">[[nav.signed_in_as]] </span><span class="who-name">{{USER_NAME}}</span>, <span class="who-role">{{USER_ROLE}}</span></p>
  </div>
  {{/SIGNED_IN}}
</header>
<main id="main" tabindex="-1">
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>{{/NOTICE}}
<div id="session-warning" class="warning" role="alert" hidden></div>
{{>BODY}}
</main>
<footer class="site-footer">
  <p>[[app.footer]]</p>
</footer>
</body>
</html>
