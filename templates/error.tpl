{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
<p>{{MESSAGE}}</p>
<p><a href="/">[[error.back_to_start]]</a></p>
